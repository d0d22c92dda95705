"""Recognizers built from the user's config: the deny-list and custom patterns."""
