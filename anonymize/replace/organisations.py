"""Organisations: another organisation of the same kind, chosen once per identity.

The head noun stays ("CHU X" -> "CHU Y", "lycée X" -> "lycée Y", "Judo Club X"
-> "Judo Club Y"): it says what kind of place the person works or studies in,
which a case illustration needs, and no more. A town that is part of the
official name takes the town's own pseudonym ("université de Nantes" and "à
Nantes" agree); an organisation named after a person of the note follows that
person's pseudonym ("Menuiserie Girard & Fils"); an acronym takes the
initials of its organisation's pseudonym when a note names it in full, else a
pronounceable acronym of the same length ("BNU" -> "DAV"). Everything else
gets an invented name from a space of tens of thousands, so a folder never
runs out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from recognizers._proper_names import LEGAL_FORMS
from recognizers.lexicons import (
    TRAILING_LEGAL_FORM,
    is_ordinary_word,
    lines,
    org_head,
    org_heads,
    org_suffix,
    place_entry,
    place_kind,
    table,
    trade_name_head,
)
from recognizers.places.department_code import DEPARTMENT_NUMBER

from ..detect.identities import IdentityBook, Mention
from .pools import Picker, key_of, words

SCHOOL_KINDS = frozenset({"school"})
# Kinds named after a place or a saint more than after a brand.
PLACE_NAMED_KINDS = frozenset({"hospital", "care", "nursing_home", "childcare", "shop"})
ACRONYM = re.compile(r"[A-ZÀ-Ý0-9&\-]{2,8}")
# A town this size inside an organisation's name is the town, not a person.
TOWN = 5_000
LOCATED = re.compile(r"^(?P<name>.+?)\s+(?:de |d'|d’)(?P<town>[A-ZÀ-Ý][^,;()]*)$")


# A public service and the place it serves: "CAF de la Charente-Maritime".
PUBLIC_BRANCH = re.compile(
    r"^(?P<head>.+?)\s+(?P<prep>de la |de l['’]|du |des |de |d['’])(?P<place>[A-ZÀ-Ý].*)$"
)


# "MDPH 33", "Habitat 76": a departmental body and its department's number.
DEPARTMENT_NUMBERED = re.compile(
    rf"(?P<head>[A-ZÀ-Ý]{{3,8}}|[A-ZÀ-Ý][a-zà-ÿ]+)[ \u00a0](?P<code>{DEPARTMENT_NUMBER})"
)


@cache
def public_services() -> frozenset[str]:
    """Public services and networks that identify no one (recognizers' organisation
    list, kind `public`, and the allow list): only their place is replaced."""
    names = {key_of(row[0]) for row in table("organisations.txt") if row[1:2] == ("public",)}
    return frozenset(names | {key_of(w) for w in lines("allow_list.txt", "anonymize")})


class InventedNames(Sequence[str]):
    """Every invented organisation name: the single words, then every pair.

    Built on the fly from two word lists ("Alizé", "Horizon" -> "Alizé
    Horizon"), so the space holds tens of thousands of names without a file
    of them."""

    def __init__(self) -> None:
        self.single = words("org_names.txt")
        self.first = words("org_name_first.txt")
        self.second = words("org_name_second.txt")

    def __len__(self) -> int:
        return len(self.single) + len(self.first) * len(self.second)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if i < len(self.single):
            return self.single[i]
        i -= len(self.single)
        a, b = divmod(i, len(self.second))
        return f"{self.first[a]} {self.second[b]}"


@cache
def invented_names() -> InventedNames:
    return InventedNames()


class Organisations:
    def __init__(self, picker: Picker, book: IdentityBook, places, persons) -> None:
        self.picker = picker
        self.book = book
        self.places = places
        self.persons = persons
        # note -> its organisations' fullest mentions, with their note's text: an
        # acronym or a domain that spells one of them follows its pseudonym
        self.named: dict[int, list[tuple[Mention, str]]] = {}

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        """Learn the organisations each note names (their fullest form)."""
        for text, note in zip(texts, mentions, strict=True):
            for m in note:
                if m.entity.type != "ORG" or m.identity is None:
                    continue
                found = self.named.setdefault(m.note, [])
                same = [i for i, (o, _) in enumerate(found) if o.identity is m.identity]
                if not same:
                    found.append((m, text))
                elif len(m.entity.text) > len(found[same[0]][0].entity.text):
                    found[same[0]] = (m, text)

    def named_near(self, note: int) -> Iterator[tuple[Mention, str]]:
        """The organisations of `note`, then those of the other notes of the folder."""
        yield from self.named.get(note, [])
        for other, found in self.named.items():
            if other != note:
                yield from found

    def render(self, mention: Mention, text: str) -> str:
        """The organisation's pseudonym, with the legal form the mention was written
        with: "Lumeo Robotics SAS" and "Lumeo Robotics" are one company."""
        original = mention.entity.text
        legal = TRAILING_LEGAL_FORM.search(original)
        if legal is None or legal.start() == 0:
            return self._render(original, mention, text)
        return self._render(original[: legal.start()], mention, text) + legal.group()

    def _render(self, original: str, mention: Mention, text: str) -> str:
        identity = mention.identity
        assert identity is not None
        key = "ORG:" + identity.key
        name_only = self.picker.table.get(key + ":name")
        short = org_head(original, identity.head) is None and org_suffix(original) is None
        numbered = DEPARTMENT_NUMBERED.fullmatch(original.strip())
        if numbered is not None:
            return self._numbered(numbered, key, identity.notes)
        if short and identity.kind == "hospital":
            before = text[max(0, mention.entity.start - 6) : mention.entity.start]
            return self._hospital(original, before, key, identity.notes)
        if name_only is not None and short:
            full = self.picker.table.get(key)
            if full and re.match(r"(?:de|du|des|d['’]|Les?\b|La\b|L['’])", name_only):
                # "chez Lemoine" after "la pharmacie Lemoine" -> "chez Pharmacie du Parc",
                # never "chez du Parc": a place name needs its head noun
                return full[:1].upper() + full[1:]
            return name_only  # "chez Ty Glaz" after "Conserverie Ty Glaz", "Lumeo"
        known = self.picker.table.get(key)
        if known is not None and self.picker.allowed(known):
            return known
        notes = identity.notes
        branch = self._public_branch(original, mention, text)
        if branch is not None:
            return self.picker.remember(key, branch, "organisations", notes)
        swapped = self._after_person(original, mention.note)
        if swapped is not None:
            return self.picker.remember(key, swapped, "organisations", notes)
        article = re.match(r"^(?:[Ll]e |[Ll]a |[Ll]es |[Ll]['’])", original)
        body = original[article.end() :] if article else original
        suffixed = org_suffix(body)
        if suffixed is not None:
            # "Horizon Conseil", "cabinet Verdier Conseil", "Romans-sur-Isère Habitat":
            # a leading head noun and the business word stay; a town between them is
            # the town's pseudonym, any other name an invented one
            core = body[: -len(suffixed)].strip()
            # "Guillou & Fils", "Martin et Associés": the link stays with the business word
            link = re.search(r"[ \u00a0]+(?:&|et)$", core)
            joined = ""
            if link is not None:
                joined, core = link.group(), core[: link.start()]
            lead = org_head(core)
            opening = ""
            if lead is not None and len(lead[0]) < len(core):
                opening, core = core[: len(lead[0])] + " ", core[len(lead[0]) :].strip()
            place = place_entry(core, aliases=False)
            if place is not None and (place.population or 0) >= TOWN:
                name = self._town(core, mention, text)
            else:
                name = self.picker.pick(key + ":name", "organisations", invented_names(), notes)
            prefix = (article.group() if article else "") + opening
            value = f"{prefix}{name}{joined} {suffixed}"
            return self.picker.remember(key, value, "organisations", notes)
        found = org_head(body, identity.head)
        if found is not None:
            head, kind, town_flag = found
            prefix = (article.group() if article else "") + body[: len(head)]
            rest = body[len(head) :].strip()
            place = re.match(r"^(de |d'|d’)(.+)$", rest)
            if (
                place
                and place.group(2)[:1].isupper()
                and (
                    # "Laiterie de Montauban-de-Bretagne": a commune after "de" is one
                    town_flag or place_entry(place.group(2), aliases=False) is not None
                )
            ):
                town = self._town(place.group(2), mention, text)
                joiner = "d'" if re.match(r"^[AEIOUYÉÈÂÎ]", town) else "de "
                return self.picker.remember(key, f"{prefix} {joiner}{town}", "organisations", notes)
            if not rest:
                # "Rhodanie Transports", "Horizon Transports": the name stands before
                # the head noun; a head alone ("la Maison") names nothing
                noun = _head_noun(body[: len(head)])
                if len(noun) >= len(head):
                    return original
                name = self.picker.pick(key + ":name", "organisations", invented_names(), notes)
                return self.picker.remember(key, f"{name} {noun}", "organisations", notes)
            # "lycée Bernard-Palissy de Saint-Martin-Boulogne": a name, then its town
            located = LOCATED.match(rest)
            suffix = ""
            if located and place_entry(located.group("town"), aliases=False) is not None:
                town = self._town(located.group("town"), mention, text)
                joiner = "d'" if re.match(r"^[AEIOUYÉÈÂÎ]", town) else "de "
                suffix = f" {joiner}{town}"
            if kind in SCHOOL_KINDS:
                name = self.picker.pick(key, "school patrons", words("school_patrons.txt"), notes)
            elif kind in PLACE_NAMED_KINDS and (held := self._town_in(rest, mention, text)):
                # "CHU Grenoble Alpes" -> "CHU de Brest": the town the name holds
                joiner = "d'" if re.match(r"^[AEIOUYÉÈÂÎ]", held) else "de "
                name = joiner + held
            elif kind in PLACE_NAMED_KINDS:
                # "Pharmacie du Marché", "EHPAD Les Glycines", never "Clinique Quartz Boréal"
                # a folder whose real names hold every such word: an invented name
                pools = [
                    ("place names", words("org_place_names.txt")),
                    ("organisations", invented_names()),
                ]
                name = self.picker.pick_any(key + ":name", pools, notes)
            else:
                name = self.picker.pick(key + ":name", "organisations", invented_names(), notes)
            return self.picker.remember(key, f"{prefix} {name}{suffix}", "organisations", notes)
        trade = trade_name_head(body)
        if trade is not None:
            # "Salaisons Kerbrat" -> "Salaisons Ardoise": the trade stays, the name goes
            name = self.picker.pick(key + ":name", "organisations", invented_names(), notes)
            prefix = (article.group() if article else "") + trade
            return self.picker.remember(key, f"{prefix} {name}", "organisations", notes)
        if ACRONYM.fullmatch(original):
            spelled = self._initials_of_named(original, mention)
            if spelled is not None:
                return self.picker.remember(key, spelled, "organisations", notes)
            return self.picker.pick(
                key, f"acronyms {len(original)}", _Acronyms(original), notes, accept=_unlisted
            )
        # the name alone ("chez Ty Glaz") is the name of "Conserverie Ty Glaz"
        return self.picker.pick(key + ":name", "organisations", invented_names(), notes)

    def _numbered(self, m: re.Match, key: str, notes) -> str:
        """ "MDPH 33" -> "MDPH 56", "Habitat 76" -> "Habitat 35": a public service or a
        business word stays, the department's number moves where the department's
        towns moved; another acronym is invented ("AMETRA 76" -> "DUVOSE 35")."""
        head = m.group("head")
        real = m.group("code")
        code = self.places.department_for(real, notes)
        if not (key_of(head) in public_services() or not head.isupper()):
            head = self.picker.pick(
                key + ":head", f"acronyms {len(head)}", _Acronyms(head), notes, accept=_unlisted
            )
        return self.picker.remember(key, f"{head} {code}", "organisations", notes)

    def _hospital(self, original: str, before: str, key: str, notes) -> str:
        """ "opérée à Bichat", "transférée à la Pitié": a hospital by its short
        name is one by a saint's name, as so many French hospitals are; with its
        article, "l'hôpital Sainte-Anne", and after a contracted one ("les
        urgences du Vinatier") "L'hôpital …", which grammar contracts again."""
        saints = [w for w in words("org_place_names.txt") if w.startswith("Saint")]
        pools = [("hospital names", saints), ("organisations", invented_names())]
        name = self.picker.pick_any(key + ":name", pools, notes)
        if re.search(r"(?<![\w'’])(?:du|au)\s+$", before, re.IGNORECASE):
            return "L'hôpital " + name
        if re.search(r"(?<![\w'’])(?:l['’]|(?:le|la)\s+)$", before, re.IGNORECASE):
            return "hôpital " + name  # "à l'Hôtel-Dieu" -> "à l'hôpital Saint-Luc"
        if re.match(r"[Ll](?:a|e)\s|[Ll]['’]", original) is None:
            return name
        return ("L'hôpital " if original[:1].isupper() else "l'hôpital ") + name

    def _initials_of_named(self, acronym: str, mention: Mention) -> str | None:
        """'BNU' beside 'Bibliothèque nationale et universitaire': the initials
        of that organisation's pseudonym, so the reader can tell they are one.
        None when no organisation of the note (else of the folder) spells it, or
        when the pseudonym's initials are the real ones."""
        if not acronym.isalpha():
            return None
        for named, text in self.named_near(mention.note):
            if named.identity is mention.identity or initials(named.entity.text) != acronym:
                continue
            new = initials(self.render(named, text))
            if len(new) > 1 and new != acronym and self.picker.allowed(new):
                return new
            return None
        return None

    def _public_branch(self, original: str, mention: Mention, text: str) -> str | None:
        """'CAF de la Charente-Maritime' -> 'CAF de la Corrèze', 'CPAM du Rhône' ->
        'CPAM du Var': a public service names no one; its place does."""
        m = PUBLIC_BRANCH.match(original)
        if m is None or key_of(m.group("head")) not in public_services():
            return None
        if place_entry(m.group("place")) is None:
            return None
        return f"{m.group('head')} {m.group('prep')}{self._town(m.group('place'), mention, text)}"

    def _town_in(self, rest: str, mention: Mention, text: str) -> str | None:
        """The pseudonym of the first town of some size among the words of `rest`."""
        for word in rest.split():
            place = place_entry(word, aliases=False)
            if place is not None and (place.population or 0) >= TOWN:
                return self._town(word, mention, text)
        return None

    def _town(self, name: str, mention: Mention, text: str) -> str:
        """The pseudonym of the town (or department, region) named inside an organisation."""
        from ..detect.identities import Mention as M
        from ..entities import Entity

        e = mention.entity
        start = e.end - len(name)
        town = self.book.place(name)
        kind = place_kind(name) or "commune"
        entity = Entity(start, e.end, "LOCATION", name, e.score, "org-place", (("kind", kind),))
        value = self.places.render(M(entity, mention.note, town), text)
        if not value[:1].isupper():  # places generalized ("une ville"): a town here
            value = self.places.town(town)
        return value

    def _after_person(self, original: str, note: int) -> str | None:
        """'Menuiserie Girard & Fils' with Nicolas Girard in the note: his pseudonym.

        Only when every other capitalized word is an ordinary word or a legal
        form: "Nakamura Shoten" with a Shoten of the note must not keep Nakamura."""
        changed = False
        unexplained = False

        def swap(m: re.Match) -> str:
            nonlocal changed, unexplained
            word = m.group()
            if not word[:1].isupper():
                return word
            found = self.book.person_with_token(word, note, scope_only=True)
            place = place_entry(word, aliases=False)
            if found is None or (place is not None and (place.population or 0) >= TOWN):
                if word not in LEGAL_FORMS and not is_ordinary_word(word):
                    unexplained = True
                return word  # "CHU Grenoble Alpes": a town, whatever else it was taken for
            value = self.persons.name(*found)
            changed = True
            return value.upper() if word.isupper() else value

        out = re.sub(r"[\wÀ-ÿ'’-]+", swap, original)
        return out if changed and not unexplained else None


def _head_noun(head: str) -> str:
    """The head noun that ends `head`, as written: "Horizon Transports" -> "Transports"."""
    lower = head.lower()
    for noun, _kind, _town in org_heads():  # longest first
        if lower.endswith(noun.lower()) and (
            len(noun) == len(head) or not lower[-len(noun) - 1].isalnum()
        ):
            return head[len(head) - len(noun) :]
    return head


def _explained(word: str) -> bool:
    """An ordinary word or a legal form, that may stay in an organisation's name."""
    return word in LEGAL_FORMS or is_ordinary_word(word) or not word[:1].isupper()


# Words an acronym or a domain skips: "Bibliothèque nationale et universitaire"
# is BNU, the Polyclinique des Vénètes "polyclinique-venetes.fr".
NAME_STOP_WORDS = frozenset(
    {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "au", "aux", "a", "pour", "sur"}
)


def initials(name: str) -> str:
    """The acronym a name gives: the first letter of each of its words but the
    articles, prepositions and legal forms ("Judo Club Le Moulin Neuf" -> "JCMN")."""
    out = []
    for word in re.split(r"[\s\-–]+", name):
        word = re.sub(r"^[LlDd]['’]", "", word)
        if not word or word in LEGAL_FORMS or key_of(word) in NAME_STOP_WORDS:
            continue
        if word[0].isalpha():
            out.append(word[0])
    return "".join(out).upper()


@cache
def _real_acronyms() -> frozenset[str]:
    """Acronyms a reader knows (institutions, legal forms, business prose): an
    invented one must not spell them."""
    listed = [*lines("acronyms.txt"), *lines("common_acronyms.txt")]
    listed += lines("strict_acronyms.txt", "anonymize")
    return frozenset(key_of(w.strip()) for w in listed)


def _unlisted(value: str) -> bool:
    """Neither a known acronym nor a word: "BAL" or "MOTO" would read as one."""
    return key_of(value) not in _real_acronyms() and not is_ordinary_word(value.lower())


# An invented acronym alternates these, so it can be said: "BNU" -> "DAV".
CONSONANTS = "BCDFGLMNPRSTV"
VOWELS = "AEIOU"


class _Acronyms(Sequence[str]):
    """Every pronounceable string of capitals in the shape of an acronym, a
    consonant then a vowel and so on ("CHU" -> "DAV", "SNCF" -> "PILO"): letters
    such as "XKT" read as a placeholder, not as an organisation."""

    def __init__(self, model: str) -> None:
        self.model = model
        self.letters = sum(c.isalpha() for c in model)
        self._size = 1
        for k in range(self.letters):
            self._size *= len(VOWELS if k % 2 else CONSONANTS)

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i):
        out = []
        k = 0
        for c in self.model:
            if c.isalpha():
                alphabet = VOWELS if k % 2 else CONSONANTS
                i, r = divmod(i, len(alphabet))
                out.append(alphabet[r])
                k += 1
            else:
                out.append(c)
        return "".join(out)
