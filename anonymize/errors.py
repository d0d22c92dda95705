"""Errors a user can act on: each carries a one-line message without note content.

A note that cannot be read raises a subclass of `NoteError` that says why, so
that callers decide by type (the gate passes over an empty file, a batch
reports a FIFO as skipped) and never by parsing a message.
"""


class AnonymizeError(Exception):
    """Base class for every error the CLI turns into a clear message."""


class NoteError(AnonymizeError):
    """A note cannot be read or decoded: binary, empty, too large, unreadable."""


class EmptyNote(NoteError):
    """The note holds nothing but white space: nothing to anonymize, nothing to leak."""


class BinaryNote(NoteError):
    """The bytes are not text (an image or an archive renamed .txt)."""


class NoteTooLarge(NoteError):
    """Over the size limit: on disk, unzipped (Word), or once decoded."""


class UnreadableNote(NoteError):
    """The file exists but cannot be read or decoded (I/O error, closed stdin, broken Word file)."""


class NotANote(NoteError):
    """Not a regular file (a folder, a FIFO, a device, a symbolic link not followed)."""


class ConfigError(AnonymizeError):
    """The TOML config is invalid; the message names the file, key and line."""


class MappingError(AnonymizeError):
    """The mapping file is missing, tampered with, or the passphrase is wrong."""
