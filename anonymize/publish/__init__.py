"""Publishing: the gate (`check`), the review page, the disclaimer."""
