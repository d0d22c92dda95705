"""anonymize: French coaching notes in, publishable case illustrations out.

    >>> from anonymize import anonymize_text
    >>> result = anonymize_text("Julien Marchand, 38 ans, habite à Annecy.")
    >>> result.text        # the note, anonymized
    >>> result.entities    # what was found: start, end, type, text, score, recognizer

`Pipeline` keeps pseudonyms consistent across several notes; `run_batch`
anonymizes a folder the way `anonymize batch` does.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config, load_config
from .entities import ENTITY_TYPES, Entity
from .errors import (
    AnonymizeError,
    BinaryNote,
    ConfigError,
    EmptyNote,
    MappingError,
    NotANote,
    NoteError,
    NoteTooLarge,
    UnreadableNote,
)
from .pipeline import Pipeline, anonymize_text, detect_text
from .results import Result

__all__ = [
    "ENTITY_TYPES",
    "AnonymizeError",
    "BinaryNote",
    "Config",
    "ConfigError",
    "EmptyNote",
    "Entity",
    "MappingError",
    "NotANote",
    "NoteError",
    "NoteTooLarge",
    "Pipeline",
    "Result",
    "UnreadableNote",
    "__version__",
    "anonymize_text",
    "detect_text",
    "load_config",
]
