"""The one record every stage passes along: a typed span of the original text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The types a coach's note can leak through. Recognizers, the scorer and the
# replacement styles all speak these names.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "LOCATION",
    "ORG",
    "ADDRESS",
    "EMAIL",
    "PHONE",
    "URL",
    "DATE",
    "AGE",
    "ID",
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A detected identifier: `text == source[start:end]`, offsets in code points."""

    start: int
    end: int
    type: str
    text: str
    score: float = 1.0
    recognizer: str = ""
    # Free-form hints from a recognizer (gender, first/last name part, head noun...)
    # that replacement uses to stay fluent; never written to logs.
    hints: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def hint(self, key: str, default: str | None = None) -> str | None:
        return dict(self.hints).get(key, default)

    def to_json(self) -> dict:
        data = asdict(self)
        del data["hints"]
        data["score"] = round(float(self.score), 4)
        return data

    def __len__(self) -> int:
        return self.end - self.start
