"""Replace: the styles (redact, mask, pseudonym, roles), the fake values and
coarsened dates and ages they use, the splice, French grammar repair, and the
encrypted mapping of originals to replacements."""
