"""French numbers written in words, shared by the recognizers that read them.

Ages (`vingt-deux ans`) and dictated dates (`le trente et un mai`) need the
same table; it is built once from `data/age_number_words.tsv`.
"""

from __future__ import annotations

from functools import cache

from recognizers._data import table


@cache
def spelled_numbers() -> dict[str, int]:
    """Spelled-out numbers 1-110, both classic and 1990 spellings."""
    atoms = {row[0]: int(row[1]) for row in table("age_number_words.tsv")}
    words = {value: [w for w, v in atoms.items() if v == value] for value in set(atoms.values())}
    spelled: dict[str, int] = dict(atoms)
    for unit in ("sept", "huit", "neuf"):
        spelled[f"dix-{unit}"] = 10 + atoms[unit]
    teens = {w: v for w, v in spelled.items() if 10 <= v <= 19}
    for tens in ("vingt", "trente", "quarante", "cinquante", "soixante"):
        for one in words[1]:
            spelled[f"{tens} et {one}"] = atoms[tens] + 1
            spelled[f"{tens}-et-{one}"] = atoms[tens] + 1
        for unit, value in atoms.items():
            if 2 <= value <= 9:
                spelled[f"{tens}-{unit}"] = atoms[tens] + value
    for teen, value in teens.items():
        joiner = " et " if value == 11 else "-"
        spelled[f"soixante{joiner}{teen}"] = 60 + value
        spelled[f"soixante-et-{teen}" if value == 11 else f"soixante-{teen}"] = 60 + value
        spelled[f"quatre-vingt-{teen}"] = 80 + value
    spelled["quatre-vingts"] = 80
    for unit, value in atoms.items():
        if 1 <= value <= 9:
            spelled[f"quatre-vingt-{unit}"] = 80 + value
        if 1 <= value <= 10:
            spelled[f"cent {unit}"] = 100 + value
    return spelled
