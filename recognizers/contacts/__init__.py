"""Recognizers of contacts: e-mails (typed or dictated), phones (typed or
spelled out), URLs and handles."""
