"""What the ORG recognizers share: names that are no organisation, branch towns,
and flagging every other mention of a name found once with strong evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from recognizers._data import lines
from recognizers._gazetteer import scan
from recognizers._place_context import after_person_word

Candidate = tuple[int, int, float, dict[str, str]]

_BRANCH = re.compile(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$")
__all__ = ["Candidate", "after_person_word", "cut_branch_town", "not_org_names"]


@cache
def not_org_names() -> frozenset[str]:
    """Platforms, tools, diplomas and car models: named, but identify no one."""
    return frozenset(lines("org_not_names.txt"))


def cut_branch_town(text: str, start: int, end: int) -> int:
    """End of a name without a trailing `de <town>` that only locates a branch.

    `Saint-Amé de Lambres-lez-Douai` -> `Saint-Amé`; `Fiducial de Bourg` ->
    `Fiducial`. The town is left to the LOCATION recognizers.
    """
    for hit in scan(text[start:end]):
        if hit.start == 0 or start + hit.end != end:
            continue
        m = _BRANCH.search(text, start, start + hit.start)
        if m and m.start() > start:
            return m.start()
    return end


def other_mentions(text: str, found: list[Candidate], min_len: int = 4) -> Iterator[Candidate]:
    """Every other whole-word mention of the names found, with a lower score.

    A note names `Pollen Data SAS` once and `Pollen Data` afterwards; the
    second mention is just as identifying. Case must match, or be all capitals.
    """
    spans = {(s, e) for s, e, _, _ in found}
    seen: set[str] = set()
    for start, end, score, extra in list(found):
        name = extra.get("_name") or text[start:end]
        if len(name) < min_len or name in seen or name in not_org_names():
            continue
        if " " not in name.strip() and not name.isupper():
            # A one-word name is often a family name too (`Boulangerie Delmas`
            # vs `chez les Delmas`): the PERSON recognizers know better.
            continue
        seen.add(name)
        pattern = rf"(?<![\w-])(?:{re.escape(name)}|{re.escape(name.upper())})(?![\w-])"
        for m in re.finditer(pattern, text):
            if any(s <= m.start() < e for s, e in spans):
                continue
            meta = {k: v for k, v in extra.items() if not k.startswith("_")}
            yield m.start(), m.end(), round(score - 0.1, 2), meta


def public(extra: dict[str, str]) -> dict[str, str]:
    """Metadata without the private keys used between helpers."""
    return {k: v for k, v in extra.items() if not k.startswith("_")}
