"""Recognizers of organisations: legal forms, head nouns, `chez X`, known
organisations."""
