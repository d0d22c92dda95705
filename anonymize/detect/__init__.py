"""Detect: the Presidio engine and our recognizers (annotate), overlap resolution,
name propagation, who is who (identities), the allow-list."""
