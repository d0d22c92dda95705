"""Errors a user can act on: each carries a one-line message without note content."""


class AnonymizeError(Exception):
    """Base class for every error the CLI turns into a clear message."""


class NoteError(AnonymizeError):
    """A note cannot be read or decoded: binary, empty, too large, unreadable."""


class ConfigError(AnonymizeError):
    """The TOML config is invalid; the message names the file, key and line."""


class MappingError(AnonymizeError):
    """The mapping file is missing, tampered with, or the passphrase is wrong."""
