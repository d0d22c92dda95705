"""E-mail addresses, validated against the bundled public suffix list.

Presidio's EmailRecognizer validates with `tldextract.extract`, whose default
extractor downloads the public suffix list on first use: a network call at
run time, which this tool must never make. The extractor below reads only the
snapshot shipped inside the tldextract package, is built once per process,
and caches nothing on disk.
"""

from __future__ import annotations

from typing import ClassVar

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer as PresidioEmailRecognizer

from recognizers import LANGUAGE

OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def has_public_suffix(text: str) -> bool:
    """True when the domain ends with a real public suffix (offline lookup)."""
    domain = text.rsplit("@", 1)[-1]
    parts = OFFLINE_TLD(domain)
    return bool(parts.suffix and parts.domain)


class EmailRecognizer(PresidioEmailRecognizer):
    """EMAIL: Presidio's address pattern, checked offline.

    A known public suffix gives 1.0; an unknown one ("jean@serveur.local")
    keeps the pattern's 0.5: still an address, and failing closed is cheaper.
    """

    CONTEXT_WORDS: ClassVar[tuple[str, ...]] = (
        "mail",
        "email",
        "e-mail",
        "courriel",
        "adresse",
        "écrire",
        "contact",
    )

    def __init__(self) -> None:
        super().__init__(
            context=list(self.CONTEXT_WORDS),
            supported_language=LANGUAGE,
            supported_entity="EMAIL",
            name="FrEmailRecognizer",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if has_public_suffix(pattern_text) else None
