"""E-mail addresses written with spaces: "tlabelle @ medimail . com".

Copied from a dictation, an old form or a note typed to dodge spam filters,
an address keeps its "@" but gains spaces around it and around the dots of
its domain ("prenom.nom @ gmail.com", "m.giraud @ dlva . fr"). The span is
the whole address; the domain, once its spaces are removed, must end with a
real public suffix (the same offline check as `email.py`), so "rendez-vous @
14 h" or "merci @ tous" stay text. The local part is read without spaces: a
space there would take the words before it into the address.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from recognizers._regex_entity import Candidate, _RegexEntityRecognizer
from recognizers.contacts.email import has_public_suffix

SCORE = 0.85

_SP = r"[ \t\u00a0\u202f]"
_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?"
_SPACED = re.compile(
    rf"(?<![\w.+\-@])(?P<local>[\w+\-]+(?:\.[\w+\-]+)*)"
    rf"(?P<at>{_SP}*@{_SP}*)"
    rf"(?P<domain>{_LABEL}(?:{_SP}?\.{_SP}?{_LABEL})+)(?![\w\-@])"
)


def spaced_emails(text: str) -> list[tuple[int, int]]:
    """(start, end) of the addresses with a space around their "@" or a dot of their domain."""
    found: list[tuple[int, int]] = []
    if "@" not in text:
        return found
    for m in _SPACED.finditer(text):
        if not re.search(r"\s", m.group("at") + m.group("domain")):
            continue  # an ordinary address: `email.py` has it
        # label ends, longest domain first: the last label may be the next
        # sentence's first word ("medimail . com. Merci")
        ends = [d.end() for d in re.finditer(_LABEL, text, pos=m.start("domain"), endpos=m.end())]
        for end in reversed(ends[1:]):
            if has_public_suffix(re.sub(r"\s", "", text[m.start("domain") : end])):
                found.append((m.start(), end))
                break
    return found


class SpacedEmailRecognizer(_RegexEntityRecognizer):
    """EMAIL: an address written with spaces around its "@" or its dots."""

    ENTITY = "EMAIL"
    WHY = "e-mail written with spaces"

    def candidates(self, text: str) -> Iterator[Candidate]:
        for start, end in spaced_emails(text):
            yield start, end, SCORE, {}
