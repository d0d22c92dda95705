"""The coach's `anonymize.toml`: lists, extra patterns and output choices.

A config is found next to the notes (or in a parent folder) or given with
`--config`. Every mistake is reported with the file, the key and the line,
because a silently ignored deny-list is a leak.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import regex

from recognizers.lexicons import lines

from .entities import ENTITY_TYPES
from .errors import ConfigError

CONFIG_NAME = "anonymize.toml"
STYLES = ("pseudonym", "redact", "mask", "roles")
DATE_STYLES = ("month", "season", "year", "remove", "keep")
PLACE_STYLES = ("pseudonym", "generalize")


@dataclass(frozen=True)
class CustomPattern:
    """A coach's own identifier format, e.g. their file numbers."""

    name: str
    entity: str
    regex: str
    context: tuple[str, ...] = ()
    score: float = 0.9


@dataclass
class Config:
    style: str = "pseudonym"
    threshold: float = 0.35
    max_size_mb: float = 5.0
    # None: a fresh secret seed per run (stored in the mapping when one is used);
    # a fixed public seed would let anyone re-derive "Julien Marchand -> ..."
    seed: int | None = None
    dates: str = "month"
    places: str = "pseudonym"
    shift_dates: bool = False
    disclaimer: bool = False
    disclaimer_text: str | None = None
    client: str | None = None
    deny: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)
    use_default_allow: bool = True
    patterns: list[CustomPattern] = field(default_factory=list)
    source: Path | None = None
    _allow_cache: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def max_bytes(self) -> int:
        return int(self.max_size_mb * 1024 * 1024)

    def allow_terms(self) -> list[str]:
        """The user's allow-list plus, unless disabled, the shipped defaults.

        A deny-listed term is never allowed, whatever the lists say: the
        coach's "always replace" wins over every "keep".
        """
        key = (tuple(self.allow), tuple(self.deny), self.use_default_allow)
        if self._allow_cache is None or self._allow_cache[0] != key:
            defaults = (
                lines("allow_list.txt", package="anonymize")
                + lines("public_figures.txt", package="anonymize")
                if self.use_default_allow
                else ()
            )
            denied = {d.casefold() for d in self.deny}
            terms = sorted(t for t in set(defaults) | set(self.allow) if t.casefold() not in denied)
            self._allow_cache = (key, terms)
        return self._allow_cache[1]

    def recognizer_settings(self) -> dict:
        """What `recognizers.build_all` needs to know of the config."""
        return {"deny": list(self.deny), "patterns": [asdict(p) for p in self.patterns]}

    def cache_key(self) -> str:
        """Two configs with the same key share one analyzer engine."""
        payload = json.dumps(
            [self.recognizer_settings(), self.threshold], sort_keys=True, default=str
        )
        return hashlib.sha256(payload.encode()).hexdigest()


# key -> (expected type, Config attribute)
_SCALARS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "style": (str, "style"),
    "threshold": ((int, float), "threshold"),
    "max_size_mb": ((int, float), "max_size_mb"),
    "seed": (int, "seed"),
    "dates": (str, "dates"),
    "places": (str, "places"),
    "shift_dates": (bool, "shift_dates"),
    "disclaimer": (bool, "disclaimer"),
    "disclaimer_text": (str, "disclaimer_text"),
    "client": (str, "client"),
}


class _Located:
    """Finds the line of a key in the TOML source, for error messages."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def error(self, key: str, message: str) -> ConfigError:
        leaf = key.split(".")[-1].split("[")[0]
        pattern = re.compile(rf"^\s*\"?{re.escape(leaf)}\"?\s*=")
        line = next((i + 1 for i, ln in enumerate(self.lines) if pattern.match(ln)), None)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: key '{key}': {message}")


def _string_list(value: object, key: str, loc: _Located) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise loc.error(key, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def parse_config(text: str, path: Path) -> Config:
    """Parse TOML text into a Config, or raise ConfigError naming key and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    loc = _Located(path, text)
    config = Config(source=path)
    known = {"anonymize", "lists", "recognizers"}
    for key in data:
        if key not in known:
            raise loc.error(key, f"unknown section (expected one of: {', '.join(sorted(known))})")

    section = data.get("anonymize", {})
    if not isinstance(section, dict):
        raise loc.error("anonymize", "expected a table [anonymize]")
    for key, value in section.items():
        if key not in _SCALARS:
            raise loc.error(f"anonymize.{key}", "unknown key")
        expected, attr = _SCALARS[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise loc.error(f"anonymize.{key}", f"wrong type {type(value).__name__}")
        setattr(config, attr, value)
    if config.style not in STYLES:
        raise loc.error("anonymize.style", f"must be one of {', '.join(STYLES)}")
    if config.dates not in DATE_STYLES:
        raise loc.error("anonymize.dates", f"must be one of {', '.join(DATE_STYLES)}")
    if config.places not in PLACE_STYLES:
        raise loc.error("anonymize.places", f"must be one of {', '.join(PLACE_STYLES)}")
    if not 0.0 <= config.threshold <= 1.0:
        raise loc.error("anonymize.threshold", "must be between 0 and 1")
    if config.max_size_mb <= 0:
        raise loc.error("anonymize.max_size_mb", "must be positive")

    lists = data.get("lists", {})
    if not isinstance(lists, dict):
        raise loc.error("lists", "expected a table [lists]")
    for key, value in lists.items():
        if key == "deny":
            config.deny = _string_list(value, "lists.deny", loc)
        elif key == "allow":
            config.allow = _string_list(value, "lists.allow", loc)
        elif key == "default_allow":
            if not isinstance(value, bool):
                raise loc.error("lists.default_allow", "expected true or false")
            config.use_default_allow = value
        else:
            raise loc.error(f"lists.{key}", "unknown key (expected deny, allow, default_allow)")

    entries = data.get("recognizers", [])
    if not isinstance(entries, list):
        raise loc.error("recognizers", "expected an array of tables [[recognizers]]")
    for i, entry in enumerate(entries):
        key = f"recognizers[{i}]"
        if not isinstance(entry, dict):
            raise loc.error(key, "expected a table")
        unknown = set(entry) - {"name", "entity", "regex", "context", "score"}
        if unknown:
            raise loc.error(f"{key}.{sorted(unknown)[0]}", "unknown key")
        for required in ("name", "entity", "regex"):
            if not isinstance(entry.get(required), str) or not entry[required]:
                raise loc.error(f"{key}.{required}", "required string is missing")
        if entry["entity"] not in ENTITY_TYPES:
            raise loc.error(f"{key}.entity", f"must be one of {', '.join(ENTITY_TYPES)}")
        try:  # run with the `regex` module, under a time budget (custom_patterns.py)
            regex.compile(entry["regex"])
        except regex.error as exc:
            raise loc.error(f"{key}.regex", f"invalid regular expression: {exc}") from None
        context = entry.get("context", [])
        context = _string_list(context, f"{key}.context", loc) if context else []
        score = entry.get("score", 0.9)
        if not isinstance(score, (int, float)) or isinstance(score, bool) or not 0 < score <= 1:
            raise loc.error(f"{key}.score", "must be a number in (0, 1]")
        config.patterns.append(
            CustomPattern(entry["name"], entry["entity"], entry["regex"], tuple(context), score)
        )
    return config


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.__class__.__name__})") from None
    return parse_config(text, path)


def find_config(start: Path) -> Path | None:
    """The nearest `anonymize.toml` in `start` (a folder or a file's folder) or its parents."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        path = candidate / CONFIG_NAME
        if path.is_file():
            return path
    return None


def resolve_config(explicit: Path | None, near: Path | None) -> Config:
    """The explicit config if given, else the nearest one, else the defaults."""
    if explicit is not None:
        return load_config(explicit)
    if near is not None:
        found = find_config(near)
        if found is not None:
            return load_config(found)
    return Config()
