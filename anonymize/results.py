"""What the pipeline hands back for a note, and what the output formats read.

`Result` lives apart from `pipeline.py` so that the formats that write it
back (`io/formats/docx.py`, `io/formats/edits.py`) import it without
importing the pipeline that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .entities import Entity
from .replace.splice import Replacement


@dataclass
class Result:
    """An anonymized note: the output text, what was found, where it went."""

    text: str
    entities: list[Entity]
    replacements: list[Replacement] = field(default_factory=list)
