"""The mapping file: real → replacement, encrypted, so later runs stay consistent.

It is the one file that can undo the anonymization, so it is a secret: AES-GCM
under a key derived from the coach's passphrase with scrypt, written 0600,
refused inside the output folder. A wrong passphrase and a tampered file are
the same error: the authentication tag does not verify.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import MappingError
from ..io.writer import atomic_write_bytes

MAGIC = b"ANONYMIZE-MAPPING-1\n"
SCRYPT_N = 2**15
PASSPHRASE_ENV = "ANONYMIZE_PASSPHRASE"
# Coarsened values (a month, a decade) stand for many originals: not revealable.
NOT_REVEALED = frozenset({"DATE", "AGE"})


@dataclass
class Mapping:
    """Decisions of earlier runs (`table`) and what each real string became (`pairs`)."""

    seed: int | None = None
    table: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, tuple[str, str]] = field(default_factory=dict)  # real -> (type, replacement)

    def record(self, real: str, type_: str, replacement: str) -> None:
        if real.strip() and replacement.strip():
            self.pairs[real] = (type_, replacement)

    def originals(self) -> list[str]:
        """Every real string the mapping knows, for the publishing gate."""
        return sorted(self.pairs, key=len, reverse=True)

    def reveal(self, text: str) -> str:
        """Put the originals back in place of their replacements (names, contacts, IDs)."""
        back: dict[str, str] = {}
        for real, (type_, replacement) in self.pairs.items():
            if type_ not in NOT_REVEALED:
                back.setdefault(replacement, real)
        if not back:
            return text
        alternatives = "|".join(re.escape(r) for r in sorted(back, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w@.-])(?:{alternatives})(?![\w@-])")
        return pattern.sub(lambda m: back[m.group()], text)

    def to_bytes(self) -> bytes:
        payload = {"seed": self.seed, "table": self.table, "pairs": self.pairs}
        return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Mapping:
        payload = json.loads(data.decode("utf-8"))
        pairs = {k: (v[0], v[1]) for k, v in payload.get("pairs", {}).items()}
        seed = payload.get("seed")
        return cls(None if seed is None else int(seed), dict(payload.get("table", {})), pairs)


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=8, p=1).derive(passphrase.encode("utf-8"))


def save_mapping(path: Path, mapping: Mapping, passphrase: str) -> None:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, mapping.to_bytes(), MAGIC)
    atomic_write_bytes(path, MAGIC + salt + nonce + sealed, mode=0o600)


def load_mapping(path: Path, passphrase: str) -> Mapping:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MappingError(f"{path}: mapping file not found") from None
    except OSError as exc:
        raise MappingError(f"{path}: cannot read mapping ({exc.strerror})") from None
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 28:
        raise MappingError(f"{path}: not an anonymize mapping file")
    body = data[len(MAGIC) :]
    salt, nonce, sealed = body[:16], body[16:28], body[28:]
    try:
        plain = AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, MAGIC)
    except InvalidTag:
        raise MappingError(f"{path}: wrong passphrase, or the file was modified") from None
    return Mapping.from_bytes(plain)
