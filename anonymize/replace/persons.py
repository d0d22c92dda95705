"""Persons: a pseudonym per identity, rendered in the shape of each mention.

Every person identity gets a first name (of its gender, common for its
generation when the notes give an age) and its surname gets a surname; the
surname is chosen per real surname, so a family keeps one surname. A mention
is then written from those two in its own shape: "Julien" -> "Marc",
"M. MARCHAND" -> "M. LEFORT", "J. Marchand" -> "M. Lefort", "J.-P." -> the
initials of the pseudonym, "Juju" -> "Mimi" for a Justine become Michèle,
"les Marchand" -> "les Lefort". Pets get pet names.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache

from recognizers.lexicons import first_name_gender, table

from ..detect.identities import REFERENCE_YEAR, Identity, IdentityBook, Mention, Part, reduplicated
from .pools import TYPICAL, Picker, PoolExhausted, first_names, key_of, surnames, words
from .shapes import in_capitals_like

VOWELS = "aeiouyàâäéèêëîïôöùûüÿ"


class PersonNames:
    """The first name and surname of every person identity of a scope."""

    def __init__(self, picker: Picker, book: IdentityBook) -> None:
        self.picker = picker
        self.book = book

    # -- choosing ------------------------------------------------------------------
    def prepare(self, identities: Sequence[Identity]) -> None:
        """Choose every pseudonym once, in the order the identities appeared."""
        surname_notes: dict[str, set[int]] = {}
        for identity in identities:
            if identity.type == "PERSON" and identity.last:
                surname_notes.setdefault(identity.last, set()).update(identity.notes)
        for identity in identities:
            if identity.type != "PERSON":
                continue
            if identity.kind == "pet":
                self.pet(identity)
                continue
            self.first(identity)
            if identity.last:
                self.last(identity.last, surname_notes.get(identity.last, identity.notes))

    def gender(self, identity: Identity) -> str:
        if identity.gender in ("F", "M"):
            return identity.gender
        digest = hashlib.sha256(f"{self.picker.seed}\x00{identity.key}".encode()).digest()
        return "FM"[digest[0] % 2]

    def first(self, identity: Identity) -> str:
        gender = self.gender(identity)
        decade = None
        if identity.age is not None:
            decade = (REFERENCE_YEAR - identity.age) // 10 * 10
        elif identity.relation:
            # "sa grand-mère", "son fils": the generation the relation implies
            decade = _generations().get(identity.relation.split()[-1])
        compound = "-" in identity.first or " " in identity.first
        for top, spread in TYPICAL:
            pool = first_names()[gender].for_generation(decade, top, spread)
            if not pool:
                continue
            try:
                return self.picker.pick(
                    "PERSON:first:" + identity.key,
                    f"first names ({gender})",
                    pool,
                    identity.notes,
                    accept=lambda v: ("-" in v) == compound and not echoes(identity.first, v),
                )
            except PoolExhausted:
                if spread == TYPICAL[-1][1]:
                    raise
        raise PoolExhausted(f"no first name left for a person of {identity.notes}")

    def last(self, real: str, notes: set[int]) -> str:
        return self.picker.pick(
            "PERSON:last:" + real,
            "surnames",
            surnames(),
            notes,
            accept=lambda v: not echoes(real, v),
        )

    def pet(self, identity: Identity) -> str:
        return self.picker.pick(
            "PET:" + identity.key, "pet names", words("pseudo_pet_names.txt"), identity.notes
        )

    # -- writing -----------------------------------------------------------------------
    def render(self, mention: Mention) -> str:
        identity = mention.identity
        assert identity is not None
        if identity.kind == "pet":
            return _cased(mention.entity.text, self.pet(identity))
        first = self.first(identity)
        out: list[str] = []
        done: set[str] = set()
        previous = None
        for part in mention.parts:
            if previous is not None and part.key == previous.key and out:
                out.append(out[-1])  # the same word said twice: twice the same pseudonym
                continue
            previous = part
            part = _as_known(part, identity)
            if part.role == "particle":
                continue  # it belongs to the real surname, which is replaced whole
            if (
                part.role == "first"
                and identity.first
                and part.key
                not in (
                    identity.first,
                    *identity.first.split(),
                )
            ):
                # a name the person goes by that is not their first name ("Tïa")
                out.append(_cased(part.text, self.nickname(identity, part, first)))
            elif part.role in ("first", "last"):
                if part.role not in done:
                    value = first if part.role == "first" else self.surname_of(identity)
                    out.append(_cased(part.text, value))
                    done.add(part.role)
            elif part.role == "nickname":
                out.append(_cased(part.text, self.nickname(identity, part, first)))
            elif part.role == "first-initial":
                out.append(self._initials(part.text, self.first_initials(identity)))
            elif part.role == "last-initial":
                letter = self.surname_of(identity)[0].upper() if identity.last else ""
                out.append(
                    self._initials(part.text, letter or self._letter(identity, 9, part.text))
                )
        return " ".join(out)

    def name(self, identity: Identity, role: str) -> str:
        """The pseudonym of one of the person's names: their first name for 'first',
        their surname otherwise (what an e-mail, a slug or a company name holds)."""
        if role == "first":
            return self.first(identity)
        return self.last(identity.last, identity.notes)

    def surname_of(self, identity: Identity) -> str:
        """The pseudonym of the person's surname (one per real surname: families agree)."""
        if identity.last:
            return self.last(identity.last, identity.notes)
        return self.last(identity.key, identity.notes)

    def first_initials(self, identity: Identity) -> str:
        """Initials standing for the first name: those of the pseudonym when the real
        first name is known, else other letters, never the real ones."""
        if identity.first:
            return "".join(w[0] for w in re.split(r"[ -]", self.first(identity)) if w).upper()
        real = identity.initials or "X"
        return "".join(self._letter(identity, k, c) for k, c in enumerate(real))

    def _initials(self, written: str, letters: str) -> str:
        """`letters` in the shape of the initials as written ("J.-P.", "G.M", "K")."""
        it = iter(letters)
        slots = [m.start() for m in re.finditer(r"[^\W\d_]", written)]
        if letters and len(letters) < len(slots):
            # "M.-G." for a pseudonym with one first name: "E.", not "E.-G."
            cut = slots[len(letters) - 1] + 1
            written = written[: cut + 1] if written[cut : cut + 1] == "." else written[:cut]
        real = [c for c in written if c.isalpha()]
        extra = iter(self._pad(letters, len(real)))
        return re.sub(r"[^\W\d_]", lambda m: next(it, None) or next(extra), written)

    def _pad(self, letters: str, n: int) -> str:
        return "ABCDEFGHJLMNPRSTV"[len(letters) : len(letters) + n]

    def nickname(self, identity: Identity, part: Part, first: str) -> str:
        """A short form of the pseudonym made the way the real one was made."""
        nick = part.key
        if part.text.isupper() and len(part.text) <= 3:  # "JB": the pseudonym's initials
            letters = self.first_initials(identity)
            if identity.last:
                letters += self.surname_of(identity)[0].upper()
            return self._initials(part.text, letters[: len(part.text)])
        if nick == identity.first:
            return first  # known by this name only
        real = identity.first.replace(" ", "")
        letters = first.lower()
        syllable = re.match(rf"[^{VOWELS}]*[{VOWELS}]+", letters)
        real_syllable = re.match(rf"[^{VOWELS}]*[{VOWELS}]", real)
        if syllable and real_syllable and reduplicated(nick, real):
            short = syllable.group()
            consonant = re.search(rf"[^{VOWELS}-]", letters)
            if short[0] in VOWELS:  # "Alice" -> "Lili"
                short = (consonant.group() if consonant else "l") + short[-1]
            return (short * 2).capitalize()
        if real and real.startswith(nick):
            if len(nick) >= len(letters) - 1:
                return first  # a pseudonym as short as the nickname ("Clo" -> "Mia")
            cut = max(3, len(nick))
            while cut < len(letters) - 1 and letters[cut - 1] in VOWELS and letters[cut] in VOWELS:
                cut += 1
            return first[:cut]
        return self.other_name(identity, part)

    def other_name(self, identity: Identity, part: Part) -> str:
        """A name the person goes by that owes nothing to their first name ("Tïa" for
        Radoine): another first name, of the gender that name reads as."""
        gender = first_name_gender(part.text)
        if gender not in ("F", "M"):
            gender = self.gender(identity)
        return self.picker.pick(
            f"PERSON:nick:{identity.key}:{part.key}",
            f"first names ({gender})",
            first_names()[gender].for_generation(None, 300),
            identity.notes,
        )

    def _letter(self, identity: Identity, position: int, real: str) -> str:
        digest = hashlib.sha256(
            f"{self.picker.seed}\x00{identity.key}\x00{position}".encode()
        ).digest()
        others = [c for c in "ABCDEFGHIJKLMNOPRSTVW" if c != real[:1].upper()]
        return others[digest[0] % len(others)]

    def letter_for(self, key: str, real: str) -> str:
        """A letter standing for `real` in an e-mail or a slug, never the same one."""
        digest = hashlib.sha256(f"{self.picker.seed}\x00LETTER\x00{key}".encode()).digest()
        others = [c for c in "abcdefghijklmnoprstvw" if c != real[:1].lower()]
        return others[digest[0] % len(others)]


@cache
def _generations() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in table("relation_generations.tsv", "anonymize")}


def echoes(real: str, value: str) -> bool:
    """A pseudonym a reader would hear the real name in: it contains it ("Simon" ->
    "Simonetti"), rhymes with it ("Perez" -> "Durez") or starts with the same
    letter, so that the initials written elsewhere ("K.", "J.-P.") change too."""
    r, v = (key_of(x).replace(" ", "").replace("-", "") for x in (real, value))
    if not r or not v:
        return False
    return r in v or v in r or r[0] == v[0] or (len(r) >= 4 and r[-3:] == v[-3:])


def _as_known(part: Part, identity: Identity) -> Part:
    """A word read as a first name that is this person's surname, or the reverse
    ("M. Nicaise" for Waïl Nicaise), plays the role it has in the person's name."""
    if part.role not in ("first", "last"):
        return part
    if part.key in identity.last.split() or part.key == identity.last:
        return Part(part.text, "last")
    if part.key in identity.first.split() or part.key == identity.first:
        return Part(part.text, "first")
    return part


def _cased(model: str, value: str) -> str:
    """`value` written like `model`: capitals, lower case or as it comes."""
    if (upper := in_capitals_like(model, value)) != value:
        return upper
    letters = [c for c in model if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return value.lower()
    return value
