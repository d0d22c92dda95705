"""Web addresses (with or without scheme), bare domains, and social-media handles.

A bare domain is only a URL when its suffix is a real, common top-level domain
(`data/url_tlds.txt`), so file names (`notes.md`, `rapport.pdf`), versions
(`v2.0`), decimals and abbreviations (`p.ex.`, `M.`) stay text. A scheme or
"www." is evidence enough for any suffix. The domain of an e-mail address is
never emitted here: a match glued to "@" or followed by "...@" is refused, so
the EMAIL span covers the whole address. Trailing punctuation stays outside.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from recognizers import LANGUAGE, _data

_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?"
# Path, query or fragment; its last character is not punctuation.
_TAIL = r"(?::\d{2,5})?(?:[/?#](?:[^\s<>\"'«»]*[^\s<>\"'«».,;:!?)\]])?)?"
# Not inside a word, a path, an e-mail address or after a scheme's "//".
_BEFORE = r"(?<![\w.@/+\-])"
# Not the local part of an e-mail ("jean.paris@..."), not a longer word.
_AFTER = r"(?![\w\-@])(?![\w.\-+]*@)"
# A single-letter name is only trusted with the best-known suffix ("x.com")
# or before a path ("t.me/canal").
SHORT_NAME_TLDS = frozenset({"com"})


def _tlds() -> str:
    return "|".join(sorted(_data.lines("url_tlds.txt"), key=len, reverse=True))


def url_patterns() -> list[Pattern]:
    scheme = rf"{_BEFORE}(?:https?|ftp)://[^\s<>\"'«»]*[^\s<>\"'«».,;:!?)\]]"
    www = (
        rf"{_BEFORE}www\d{{0,3}}\.(?:{_LABEL}\.)+\p{{L}}{{2,24}}"
        rf"(?![\p{{L}}\p{{N}}\-]){_TAIL}{_AFTER}"
    )
    bare = (
        rf"{_BEFORE}(?:{_LABEL}\.)+(?:{_tlds()})(?![\p{{L}}\p{{N}}\-])"
        rf"(?!\.[\p{{L}}\p{{N}}]){_TAIL}{_AFTER}"
    )
    # @handle: letters, digits, "_", "." and "-" inside, never a trailing dot.
    handle = r"(?<![\w@./+\-])@(?=[\w.\-]*[^\W\d_])\w(?:[\w.\-]*\w)?(?![\w@])"
    return [
        Pattern("url_with_scheme", scheme, 0.95),
        Pattern("url_www", www, 0.9),
        Pattern("url_bare_domain", bare, 0.85),
        Pattern("social_handle", handle, 0.85),
    ]


class UrlRecognizer(PatternRecognizer):
    """URL: links, bare domains with a common suffix, and @handles."""

    CONTEXT: ClassVar[tuple[str, ...]] = (
        "site",
        "web",
        "lien",
        "url",
        "instagram",
        "insta",
        "compte",
        "profil",
        "linkedin",
        "handle",
        "page",
        "chaîne",
        "blog",
        "twitter",
        "tiktok",
        "facebook",
    )
    # "@14h", "@9h30": an "at" sign before a time, not a handle.
    _TIME = re.compile(r"@\d{1,2}h\d{0,2}$", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__(
            supported_entity="URL",
            patterns=url_patterns(),
            context=list(self.CONTEXT),
            supported_language=LANGUAGE,
            name="FrUrlRecognizer",
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )
        self._not_domains = frozenset(w.lower() for w in _data.lines("url_not_domains.txt"))

    def invalidate_result(self, pattern_text: str) -> bool:
        if pattern_text.startswith("@"):
            return bool(self._TIME.match(pattern_text))
        if "://" in pattern_text or pattern_text.lower().startswith("www"):
            return False
        if pattern_text.lower() in self._not_domains:
            return True
        host, *path = re.split(r"[/?#:]", pattern_text, maxsplit=1)
        labels = host.split(".")
        name, tld = labels[-2], labels[-1].lower()
        if not any(c.isalpha() for c in name):
            return True
        # "venu.De plus", "la fin.Ca va": a missing space before a capital, not
        # a domain (real ones are written in lower case or all in capitals).
        if not labels[-1].islower() and not host.isupper():
            return True
        # "x.com", "t.me/canal": one letter is a name only when a path follows.
        return len(name) < 2 and tld not in SHORT_NAME_TLDS and not path
