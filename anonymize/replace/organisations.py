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
from collections.abc import Collection, Iterator, Sequence
from functools import cache
from itertools import pairwise

from recognizers._proper_names import LEGAL_FORMS
from recognizers.lexicons import (
    TRAILING_LEGAL_FORM,
    first_name_gender,
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
from recognizers.organisations.org_department_number import NAME_AND_NUMBER

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


@cache
def _hospital_pools() -> tuple[tuple[str, Sequence[str]], ...]:
    """Saints' names first ("Sainte-Anne"), then place names: a folder naming a
    Saint-something for real gets "l'hôpital des Coteaux"."""
    names = words("org_place_names.txt")
    saints = tuple(w for w in names if w.startswith("Saint"))
    places = tuple(w for w in names if not w.startswith("Saint"))
    return (("hospital names", saints), ("hospital places", places))


@cache
def public_services() -> frozenset[str]:
    """Public services and networks that identify no one (recognizers' organisation
    list, kind `public` or flag `network`, and the allow list): only their place is
    replaced. "ADMR de Caraman" or "INSPÉ de Rodez" says which town, not which
    network: another network there would be a second change for nothing."""
    names = {
        key for key, (_name, kind, flag) in listed_organisations().items()
        if kind == "public" or flag == "network"
    }  # fmt: skip
    return frozenset(names | {key_of(w) for w in lines("allow_list.txt", "anonymize")})


@cache
def listed_organisations() -> dict[str, tuple[str, str, str]]:
    """Folded name -> (name as listed, kind, flag) of the recognizers' lists of
    well-known organisations; the first spelling listed wins."""
    found: dict[str, tuple[str, str, str]] = {}
    for row in (*table("organisations.txt"), *table("org_institutions.txt")):
        found.setdefault(key_of(row[0]), (row[0], row[1], row[2] if len(row) > 2 else ""))
    return found


@cache
def _countries() -> dict[str, str]:
    """Folded name -> country of the listed organisations that are not French."""
    return {key_of(name): country for name, country in table("org_countries.tsv", "anonymize")}


@cache
def _aliases() -> dict[str, frozenset[str]]:
    """Folded name -> every folded name of the same organisation ("LCL" and
    "Crédit Lyonnais"): one is never the other's pseudonym."""
    out: dict[str, frozenset[str]] = {}
    for row in table("org_aliases.tsv", "anonymize"):
        group = frozenset(key_of(name) for name in row)
        for key in group:
            out[key] = out.get(key, frozenset()) | group
    return out


@cache
def listed_peers(kind: str, country: str | None) -> tuple[str, ...]:
    """The listed organisations of `kind` (of `country` when given) a pseudonym may
    be: one spelling each, never a name flagged as a word or a surname ("Orange",
    "Leclerc" would read as something else)."""
    return tuple(
        name
        for key, (name, k, flag) in listed_organisations().items()
        if k == kind
        and flag not in ("word", "surname")
        and (country is None or _countries().get(key, "fr") == country)
        and not _person_like(name)
        and not re.search(r"\s\d{2,}", name)  # "Sport 2000" would read as a numbered name
    )


def _person_like(name: str) -> bool:
    """ "Gustave Roussy", "Yves Rocher": a listed name that reads as a person's, which a
    pseudonym must not be (a reader would take it for someone of the note)."""
    words = name.split()
    return any(first_name_gender(a) is not None and b[:1].isupper() for a, b in pairwise(words))


# Listed kinds whose members are not interchangeable: a public service keeps its
# name (`public_services`), a hospital by its short name becomes a saint's hospital.
UNSWAPPED_KINDS = frozenset({"public", "hospital"})


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
        # folded word of an invented name -> the key that holds it: two organisations
        # of a folder never share one ("Tilleul Boréal" beside "Tilleul Austral")
        self._word_owner: dict[str, str] = {}
        # folded names of the organisations the folder names for real: never a pseudonym
        self._real_orgs: set[str] = set()

    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        """Learn the organisations each note names (their fullest form), and the
        listed organisations the folder names, detected or not."""
        folded = [f" {key_of(text)} " for text in texts]
        self._real_orgs |= {
            key for key in listed_organisations() if any(f" {key} " in t for t in folded)
        }
        for text, note in zip(texts, mentions, strict=True):
            for m in note:
                if m.entity.type != "ORG" or m.identity is None:
                    continue
                self._real_orgs.add(key_of(m.entity.text))
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
        numbered = NAME_AND_NUMBER.fullmatch(original.strip())  # "MDPH 33"
        if numbered is not None:
            return self._numbered(numbered, key, identity.notes)
        entry = _listed_entry(original)
        if (short or entry is not None) and (entry or ("", identity.kind))[1] == "hospital":
            # "l'Hôtel-Dieu", "la Pitié", "Bichat": a hospital by its short name
            before = text[max(0, mention.entity.start - 6) : mention.entity.start]
            return self._hospital(original, before, key, identity.notes)
        if name_only is not None and short:
            full = self.picker.table.get(key)
            leading = re.match(r"(?:de|du|des|d['’]|Les?\b|La\b|L['’])", name_only)
            place_named = name_only in words("org_place_names.txt")
            if full and (
                place_named or (leading and not (org_suffix(full) and leading.group()[:1] == "L"))
            ):
                # "chez Lemoine" after "la pharmacie Lemoine" -> "chez Pharmacie du Parc",
                # never "chez du Parc" or "chez Sainte-Claire": a place name needs its
                # head noun
                return full[:1].upper() + full[1:]
            # "chez Ty Glaz" after "Conserverie Ty Glaz", "Lumeo"; "La Halte" for
            # "Lumeo" after "La Halte Robotics": a name with its article stands alone
            return name_only
        known = self.picker.table.get(key)
        if known is not None and self.picker.allowed(known):
            return known
        notes = identity.notes
        branch = self._public_branch(original, mention, text)
        if branch is not None:
            return self.picker.remember(key, branch, "organisations", notes)
        listed = self._listed(original, mention, text)
        if listed is not None:
            # the listed name's key holds the value in its notes: "BNU" and its full
            # name are two identities of one organisation
            return self.picker.remember(key, listed, "organisations")
        swapped = self._after_person(original, mention.note)
        if swapped is not None:
            return self.picker.remember(key, swapped, "organisations", notes)
        article = re.match(r"^(?:[Ll]e |[Ll]a |[Ll]es |[Ll]['’])", original)
        body = original[article.end() :] if article else original
        club = self._club(body, mention, text)
        if club is not None:
            value = (article.group() if article else "") + club
            return self.picker.remember(key, value, "organisations", notes)
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
                name = self._invented(key + ":name", notes)
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
                name = self._invented(key + ":name", notes)
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
                name = self._invented(
                    key + ":name", notes, [("place names", words("org_place_names.txt"))]
                )
            else:
                name = self._invented(key + ":name", notes)
            return self.picker.remember(key, f"{prefix} {name}{suffix}", "organisations", notes)
        trade = trade_name_head(body)
        if trade is not None:
            # "Salaisons Kerbrat" -> "Salaisons Ardoise": the trade stays, the name goes
            name = self._invented(key + ":name", notes)
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
        return self._invented(key + ":name", notes)

    def _invented(
        self,
        key: str,
        notes,
        first: Sequence[tuple[str, Sequence[str]]] = (),
        common: Collection[str] = (),
    ) -> str:
        """An invented name (after the `first` pools, when any hold one) none of whose
        words another organisation of the folder holds, while the pools allow it: a
        reader who meets "Tilleul" twice takes the two for one group."""

        names = invented_names()
        singles = frozenset(names.single)

        def fresh(value: str) -> bool:
            return value not in singles and all(
                self._word_owner.get(w, key) == key for w in _name_words(value)
            )

        pools = [*first, ("organisations", names)]
        if not (self._free_words(names.first, key) and self._free_words(names.second, key)):
            # every pair reuses a word now: a leading word alone ("Tamaris") while one
            # is new, rather than the few single names ("Les Sorbiers", a residence)
            pools.insert(len(first), ("organisation words", names.first))
        value = self.picker.pick_any(key, pools, notes, accept=fresh, common=common)
        for w in _name_words(value):
            self._word_owner.setdefault(w, key)
        return value

    def _free_words(self, pool: Sequence[str], key: str) -> bool:
        """Some word of `pool` no other organisation of the folder holds yet, and that
        no real name of the folder forbids."""
        return any(
            self._word_owner.get(w, key) == key and self.picker.allowed(w)
            for v in pool
            for w in _name_words(v)
        )

    def _listed(self, original: str, mention: Mention, text: str) -> str | None:
        """A listed organisation (a retailer, a bank, a school...): another listed one
        of its kind, the same for every mention of it in the folder, its branch's
        place the place's pseudonym ("Banque Populaire du Nord" -> "Crédit Mutuel du
        Gard"). A chain shared by millions points to no one, and another real one
        reads true where an invented brand reads fake. None when the name is not
        listed, is of a kind that keeps its name, or ends in something else."""
        found = _listed_prefix(original)
        if found is None:
            return None
        (name, kind, _flag), rest = found
        if kind in UNSWAPPED_KINDS:
            return None
        if not rest and ACRONYM.fullmatch(original):
            # "la BNU" beside "Bibliothèque nationale et universitaire": the initials
            # of that one's pseudonym, so the reader can tell they are one
            spelled = self._initials_of_named(original, mention)
            if spelled is not None:
                return spelled
        branch = ""
        if rest:
            m = re.match(
                r"^(?P<prep>de la |de l['’]|du |des |de |d['’])(?P<place>[A-ZÀ-Ý].*)$", rest
            )
            if m is not None:
                branch = self._branch(m.group("prep"), m.group("place"), mention, text)
            elif all(is_ordinary_word(w) for w in rest.split()):
                branch = " " + rest  # "KEDGE Business School" -> "Audencia Business School"
            elif not all(key_of(w) in _branch_words() for w in re.split(r"[\s-]+", rest)) and (
                place_kind(rest) or ""
            ) not in ("region", "department"):
                return None
            # "Crédit Agricole Centre-Est": a region's word locates a branch; dropped
        peer = self._peer(name, kind, mention.identity.notes if mention.identity else ())
        if original.isupper() and not name.isupper() and len(original) > 3:
            peer = peer.upper()  # "INTERMARCHÉ" in a heading, not "MGEN" as listed
        return peer + branch

    def _peer(self, name: str, kind: str, notes) -> str:
        """Another listed organisation of `kind`, from the same country first; one per
        listed name across the folder ("Intermarché" and "l'Intermarché" agree),
        never the name itself under another spelling ("LCL", "Crédit Lyonnais")."""
        real = key_of(name)
        same = _aliases().get(real, frozenset({real}))
        country = _countries().get(real, "fr")
        one = min(same)  # "BNU" and "Bibliothèque nationale et universitaire" agree

        def other(value: str) -> bool:
            return key_of(value) not in same and key_of(value) not in self._real_orgs

        acronym = _acronym_like(name)

        def alike(value: str) -> bool:
            return other(value) and _acronym_like(value) == acronym

        # an acronym for an acronym ("MGEN" -> "MAIF"), a name for a name
        pools = [
            (
                f"listed {kind} ({country}, {acronym})",
                tuple(filter(alike, listed_peers(kind, country))),
            ),
            (f"listed {kind} ({country})", tuple(filter(other, listed_peers(kind, country)))),
            (f"listed {kind}", tuple(filter(other, listed_peers(kind, None)))),
        ]
        pools = [(n, p) for n, p in pools if p]
        # "Banque", "Institut": a word of a real name, but nobody's
        common = {w for _n, p in pools for v in p for w in key_of(v).split() if is_ordinary_word(w)}
        return self._invented("ORG-LISTED:" + one, notes, pools, common)

    def _branch(self, prep: str, place: str, mention: Mention, text: str) -> str:
        """ " du Gard", " de Vierzon": the place of a branch, as its pseudonym. A
        place the gazetteer does not know ("du Pays de Caux") becomes a town."""
        town = self._town(place, mention, text)
        if place_entry(place) is None or prep in ("de ", "d'", "d’"):
            prep = "d'" if re.match(r"^[AEIOUYÉÈÂÎ]", town) else "de "
        return f" {prep}{town}"

    def _club(self, body: str, mention: Mention, text: str) -> str | None:
        """A sports club: its prefix or nickname and its sport stay, its town is a
        town's pseudonym ("ES Arvert Football" -> "ES Vierzon Football", "ASM
        Clermont Auvergne" -> "ASM Dreux", "Dauphins Sablais" -> "Dauphins de
        Dreux"): a reader sees a club of some town, as clubs are named."""
        words = body.split()
        if len(words) < 2:
            return None
        lead = words[0]
        nickname = key_of(lead) in _club_nicknames()
        if lead not in _club_prefixes() and not nickname:
            return None
        middle = words[1:]
        tail: list[str] = []
        while len(middle) > 1 and is_ordinary_word(middle[-1]) and place_entry(middle[-1]) is None:
            tail.insert(0, middle.pop())  # "Football", "Basket", "Natation"
        if nickname and any(is_ordinary_word(w) and w[:1].isupper() for w in middle):
            return None  # "Dauphins Bleus": a name, not a town's club
        prep = ""
        if middle and re.fullmatch(r"(?:de|du|des|d['’]\S+)", middle[0]):
            prep = "de"
            middle[0] = re.sub(r"^d['’]", "", middle[0])
            if middle[0] in ("de", "du", "des"):
                middle = middle[1:]
        if not middle:
            return None
        place = next((w for w in middle if place_entry(w, aliases=False) is not None), None)
        town = self._town(place or " ".join(middle), mention, text)
        if prep or nickname or not lead.isupper():
            # "Stade Rochelais" -> "Stade de Dreux", "Dauphins de Dreux"
            town = ("d'" if re.match(r"^[AEIOUYÉÈÂÎ]", town) else "de ") + town
        return " ".join([lead, town, *tail])

    def _numbered(self, m: re.Match, key: str, notes) -> str:
        """ "MDPH 33" -> "MDPH 56", "Habitat 76" -> "Habitat 35": a public service or a
        business word stays, the department's number moves where the department's
        towns moved; another acronym is invented ("AMETRA 76" -> "DUVOSE 35")."""
        head = m.group("name")
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
        name = self._invented(key + ":name", notes, _hospital_pools())
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
        if place_entry(m.group("place")) is None and not _listed_entry(m.group("head")):
            return None
        # "ADMR du Pays de Caux": a place the gazetteer does not know is a town's
        return m.group("head") + self._branch(m.group("prep"), m.group("place"), mention, text)

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


def _listed_entry(original: str) -> tuple[str, str, str] | None:
    """The listed organisation `original` names exactly, with or without its article."""
    found = _listed_prefix(original)
    return found[0] if found is not None and not found[1] else None


def _listed_prefix(original: str) -> tuple[tuple[str, str, str], str] | None:
    """The longest listed organisation `original` opens with, and what follows it
    ("Banque Populaire du Nord" -> Banque Populaire, "du Nord"); the article of a
    name that has none ("l'Intermarché") is skipped."""
    listed = listed_organisations()
    for body in (original, re.sub(r"^(?:[Ll]e |[Ll]a |[Ll]es |[Ll]['’])", "", original)):
        cuts = [m.start() for m in re.finditer(r"[ \u00a0]", body)] + [len(body)]
        for cut in reversed(cuts):
            entry = listed.get(key_of(body[:cut]))
            if (
                entry is not None
                and cut < len(body)
                and body[:cut] not in (entry[0], entry[0].upper())
            ):
                continue  # "Dauphiné Révision" is no "Dauphine" with a rest
            if entry is not None and (cut == len(body) or entry[2] not in ("word", "surname")):
                return entry, body[cut:].strip()
    return None


@cache
def _branch_words() -> frozenset[str]:
    """Words of a bank's regional branch ("Centre-Est", "Grand Ouest")."""
    return frozenset(key_of(w) for w in lines("org_branch_words.txt"))


@cache
def _club_prefixes() -> frozenset[str]:
    """Abbreviations and words opening a sports club's name ("ASM", "Stade")."""
    return frozenset(lines("org_club_prefixes.txt"))


@cache
def _club_nicknames() -> frozenset[str]:
    """Team nicknames a club is named by before its town ("Dauphins", "Aigles")."""
    return frozenset(key_of(w) for w in lines("club_nicknames.txt", "anonymize"))


def _acronym_like(name: str) -> bool:
    """A name written as an acronym ("MGEN", "BnF", "AG2R"), not as words."""
    return " " not in name and sum(c.isupper() for c in name) >= 2


def _name_words(value: str) -> list[str]:
    """The folded words of a name that say which one it is (no article, no preposition)."""
    return [w for w in key_of(value).split() if w not in NAME_STOP_WORDS and len(w) > 1]


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
