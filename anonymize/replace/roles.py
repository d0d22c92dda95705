"""The roles style: people known by what the note says they are.

This is how published case illustrations read: "ma cliente, la trentaine,
vit dans une ville moyenne de l'Ouest avec son mari; sa sœur l'aide". Per note:

- the client (the person the note is about: `client` in the config, else a
  person labelled client(e) or coaché(e), named in the title or the first
  heading, else the person named most often who is nobody's relative) becomes
  "ma cliente" / "mon client", under every form of their name;
- a person the text gives a role keeps only the role: a name right after its
  role disappears ("sa sœur Capucine est venue" -> "sa sœur est venue", "son
  médecin traitant, le Dr Roux, et ..." -> "son médecin traitant et ..."), a
  name followed by its role becomes the role ("Mme Roux, la DRH, ..." -> "la
  DRH ..."), and later mentions say the role ("Capucine" -> "sa sœur");
- anyone else is "une autre personne", then "une deuxième personne"...;
- a place becomes its kind, size and part of the country ("une petite ville
  de l'Ouest"), the next place of the same kind "une autre ...", a place said
  again "cette ville"; an organisation its head noun ("un CHU", "au lycée",
  "une polyclinique") or its kind ("une entreprise").

A title before a role goes with the name ("Mme Roux" -> "ma cliente", "du Dr
Roux" -> "de son médecin traitant"), a greeting keeps its title ("Bonjour
Madame Roux," -> "Bonjour Madame,"), and a name said to someone in a
dialogue is dropped ("Claire, qu'en pensez-vous ?" -> "Qu'en pensez-vous ?").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from recognizers.lexicons import lines, org_head, table

from ..config import Config
from ..detect.identities import Identity, IdentityBook, Mention, key_of
from ..entities import Entity
from .places import described
from .pseudonyms import PseudonymStyle
from .styles import EMPTY

DETERMINERS = (
    "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
    "votre", "vos", "le", "la", "les", "un", "une", "ce", "cet", "cette",
)  # fmt: skip
POSSESSIVES = frozenset(
    ("mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs", "notre", "nos",
     "votre", "vos")
)  # fmt: skip
KEPT_POSSESSIVES = frozenset(("son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"))
# the client's own words ("mon prof") told by the coach: "son prof"
THIRD_PERSON = {"mon": "son", "ma": "sa", "mes": "ses", "ton": "son", "ta": "sa", "tes": "ses"}
TITLES = (
    "M", "Mr", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "Me", "Monsieur", "Madame",
    "Mademoiselle", "Docteur", "Professeur", "Maître", "Maitre",
)  # fmt: skip
# A title says a role when nothing else does.
TITLE_ROLES = {
    "dr": ("médecin", "médecin"),
    "docteur": ("médecin", "médecin"),
    "pr": ("professeur", "professeure"),
    "professeur": ("professeur", "professeure"),
    "me": ("avocat", "avocate"),
    "maître": ("avocat", "avocate"),
    "maitre": ("avocat", "avocate"),
}
ORDINALS = ("autre", "deuxième", "troisième", "quatrième", "cinquième", "sixième",
            "septième", "huitième", "neuvième", "dixième")  # fmt: skip
VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöùûüœæh]", re.IGNORECASE)
# Words that name the client ("ma cliente", "Cliente :", "coaching de").
CLIENT_LABEL = re.compile(
    r"(?:\b(?P<word>client|cliente|coaché|coachée|bénéficiaire)\s*[*_]*\s*[:：]\s*[*_]*\s*|"
    r"\b(?:coaching|accompagnement|suivi|dossier)(?:\s+individuel|\s+de\s+transition)?\s+"
    r"(?:de\s+|d['’])\s*)$",
    re.IGNORECASE,
)
FIRST_LINE_KEYS = re.compile(r"^\s*(?:titre|title|nom|client|cliente|coaché|coachée)\s*:", re.I)
SPEAKER = re.compile(
    r"[ \t]*(?:[-*>][ \t]*)?(?:\[[^\]\n]{1,20}\][ \t]*)?(?:\*\*)?[A-ZÀ-Ý][\wÀ-ÿ'’. -]{0,30}"
    r"(?:\*\*)?\s?:\s*"
)
# an organisation named after the noun that says what it is: "l'importateur X"
NAMED_AFTER_NOUN = re.compile(
    r"(?:^|(?<=[\s(]))(?:le|la|les|son|sa|ses|leur|l['’])\s*(?!(?:de|du|des|en)\s)[a-zà-ÿ-]{3,}\s+$"
)
ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[\s'’]))(le|la|les|l['’]|du|au|aux|des)\s*$", re.I)
PLAIN_ARTICLE = re.compile(r"(?:^|(?<=[\s(]))(?:le|la|les|l['’])\s*$", re.I)
DETERMINED_VALUE = re.compile(r"(?:un|une|ce|cet|cette)\s")
WORD = re.compile(r"[\w-]+")
HOUSEHOLD = re.compile(r"(?:^|(?<=[\s(«\"“]))(les|des|aux)\s+$", re.IGNORECASE)
# what may open a line before a speaker's name: a bullet, a timestamp, bold
TURN = re.compile(r"[ \t]*(?:[-*>][ \t]*)?(?:\[[^\]\n]{1,20}\][ \t]*)?(?:\*\*)?")
CAPS_LABEL = re.compile(r"[ \t]*(?:[-*>][ \t]*)?[A-ZÀ-Ý][A-ZÀ-Ý'’. -]*[A-ZÀ-Ý]\s?:\s*")
CHAT_LABEL = re.compile(r"[ \t]*\[[^\]\n]{1,20}\][ \t]*[^:\n]{1,30}\s?:\s*")
SECOND_PERSON = re.compile(r"\b(?:tu|te|t['’]|toi|ton|ta|tes|vous|votre|vos)\b", re.IGNORECASE)
# Between a name and the nickname it is known by: ", dite ", " (« ", ", qu'elle appelle « ".
INTRODUCED = re.compile(
    r"\s*(?:,\s*(?:dite?|alias|surnommée?|appelée?|qu['’](?:elle|il|on)\s+appelle|"
    r"que\s+tout\s+le\s+monde\s+appelle)\s+[«\"“(]?|\s*\(\s*[«\"“]?|\s*[«\"“])\s*",
    re.IGNORECASE,
)
INTRODUCED_CLOSE = re.compile(r"\s*[»\"”]?\s*\)?")


def _nickname_after(text: str, previous: Entity, e: Entity) -> bool:
    """Whether `e` gives the nickname of the name just before it: "Gwenaëlle Le Guen
    (« Gwen »)", "Justine Roux, dite Juju", "Morgane, qu'elle appelle « Momo »"."""
    gap = text[previous.end : e.start]
    if len(gap) > 40 or not INTRODUCED.fullmatch(gap):
        return False
    if "," in gap:
        return True
    return bool(re.match(r"\s*[»\"”)]", text[e.end : e.end + 3]))  # closed right after


# -- the words of roles ---------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, tuple[str, str]]  # folded-case noun -> (gender, kind)
    before: re.Pattern  # a role right before a name
    after: re.Pattern  # a role right after a name
    title: re.Pattern  # a title (and its article) right before a name
    greeting: re.Pattern
    stops: frozenset[str]
    openers: frozenset[str]
    predicates: frozenset[str]
    feminine: frozenset[str]
    org_kinds: dict[str, tuple[str, str]]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    nouns: dict[str, tuple[str, str]] = {}
    for row in lines("relation_words.tsv"):
        word, gender, kind = row.split("\t")[:3]
        nouns[word.lower()] = (gender, kind)
    for row in lines("role_nouns.tsv", "anonymize"):
        word, gender, kind = row.split("\t")
        nouns.setdefault(word.lower(), (gender, kind))
    adjectives = [w for w in lines("role_adjectives.txt", "anonymize")]
    stops = frozenset(lines("role_stop_words.txt", "anonymize"))
    dets = _alternation(DETERMINERS) + r"|l['’]"
    noun = _alternation(nouns)
    stop = _alternation(stops)
    role = rf"(?:(?:{_alternation(adjectives)})\s+)?(?P<noun>{noun})(?![\w-])"
    # after the noun: "de santé", "d'arts plastiques", "traitant", "qualité"
    # lower case only: a role never carries a name ("maire de Curières" is "maire")
    word = r"[a-zà-ÿ][\w'’-]*"
    comp = rf"(?:\s+(?:de|du|des|d['’])\s*{word}|[ ](?!(?:{stop})(?![\w'’-])){word})"
    titles = _alternation(TITLES)
    # "Mme Le [Guen]": a particle the name recognizer left out goes with the title
    particle = r"(?:(?:Le|La|De|Du|Des|de|du|des|van|von)\s+|[Dd]['’])?"
    title = rf"(?P<title>(?:(?P<article>le|la|du|au)\s+)?(?:{titles})\.?\s+{particle})"
    before = re.compile(
        rf"(?:^|(?<=[\s(«\"“—–*-]))(?P<phrase>(?:(?P<det>{dets})\s*)?{role}(?P<comp>{comp}{{0,4}}))"
        rf"(?P<sep>\s*,\s*|[ \t]+|\s*:\s*){title}?$",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"(?P<open>\s*,\s*|\s*\(\s*|[ \t]*\n[ \t]*)(?P<phrase>(?:(?P<det>{dets})\s*)?{role}"
        rf"(?P<comp>{comp}{{0,5}}))(?P<close>\s*\)|(?=\s*(?:[,.;:!?(]|\n|$)))",
        re.IGNORECASE,
    )
    greetings = _alternation(lines("greetings.txt", "anonymize"))
    return Lexicon(
        nouns=nouns,
        before=before,
        after=after,
        title=re.compile(rf"(?:^|(?<=[\s(«\"“'’]))(?P<all>{title})$", re.IGNORECASE),
        greeting=re.compile(
            rf"(?:^|(?<=[\s(«\"“]))(?:{greetings})\s+(?:(?:{titles})\.?\s+)?(?P<particle>{particle})$",
            re.IGNORECASE,
        ),
        stops=stops,
        openers=frozenset(lines("apposition_openers.txt", "anonymize")),
        predicates=frozenset(lines("predicate_words.txt", "anonymize")),
        feminine=frozenset(lines("feminine_heads.txt", "anonymize")),
        org_kinds={
            kind: (noun, gender)
            for kind, noun, gender in (
                r.split("\t") for r in lines("role_org_kinds.tsv", "anonymize")
            )
        },
    )


# -- roles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """What the text calls a person: "son médecin traitant", "la DRH", "Tonton"."""

    det: str  # lower case, "" when none
    phrase: str  # adjective, noun and complement, as written
    noun: str  # lower case
    gender: str  # F | M | X
    kind: str  # family | address | work | pet | client | title

    @property
    def plural(self) -> bool:
        plural_det = self.det in ("ses", "mes", "tes", "leurs", "nos", "vos", "les")
        return plural_det or (self.gender == "X" and self.noun.endswith(("s", "x")))

    def written(self) -> str:
        """The role as the text wrote it, a definite article added when it had none."""
        if self.det:
            return _join(self.det, _lower_first(self.phrase))
        return _join(_definite(self.gender, self.phrase), _lower_first(self.phrase))


def _lower_first(phrase: str) -> str:
    head = phrase.split(" ", 1)[0]
    if head.isupper() and len(head) > 1:
        return phrase  # "DRH", "PDG"
    return phrase[:1].lower() + phrase[1:]


def _definite(gender: str, phrase: str) -> str:
    if VOWEL.match(phrase):
        return "l'"
    return "la" if gender == "F" else "le"


def _join(det: str, phrase: str) -> str:
    if det in ("sa", "ma", "ta") and VOWEL.match(phrase) and phrase[:1].lower() != "h":
        det = {"sa": "son", "ma": "mon", "ta": "ton"}[det]  # "son amie"
    return det + phrase if det.endswith(("'", "’")) else f"{det} {phrase}"


def _reference(role: Role, gender: str) -> str:
    """How a later mention names the person: "sa sœur", "le commanditaire"."""
    phrase = _lower_first(role.phrase)
    det = THIRD_PERSON.get(role.det, role.det)
    g = role.gender if role.gender in ("F", "M") else gender
    if role.plural:
        one = "une" if g == "F" else "un"
        if det in ("ses", "leurs", "nos", "vos"):
            return f"{one} de {det} {phrase}"  # "un de ses enfants"
        return f"{one} des {phrase}"  # "un des voisins"
    if det not in KEPT_POSSESSIVES:
        det = _definite(g, phrase)
    return _join(det, phrase)


def _nth(n: int) -> str:
    """'autre' for the second of a kind, then 'troisième', 'quatrième'..."""
    if n == 1:
        return "autre"
    return ORDINALS[n] if n < len(ORDINALS) else f"{n + 1}e"


def _another(reference: str, n: int) -> str:
    """The (n+1)-th distinct person of a note with the same reference: "l'autre
    médecin", "son autre sœur", "un autre de ses enfants", "la troisième DRH"."""
    word = _nth(n)
    m = re.match(r"^(l['’]|le |la |un |une |son |sa |ses |leur |leurs )", reference)
    if not m:
        return f"{reference} ({n + 1})"
    det, rest = m.group(1).strip(), reference[m.end() :]
    if det in ("le", "la", "l'", "l’"):
        if word == "autre":
            return f"l'autre {rest}"
        return f"{'la' if det == 'la' else 'le'} {word} {rest}"
    if det == "sa" and word == "autre":
        det = "son"  # "son autre sœur"
    return f"{det} {word} {rest}"


# -- what one note says of its people ---------------------------------------------------


@dataclass
class NoteRoles:
    """The client, the roles and the renderings of one note."""

    text: str
    client: set[int] = field(default_factory=set)  # ids of the client's identities
    client_identities: list[Identity] = field(default_factory=list)
    client_gender: str = ""
    references: dict[int, str] = field(default_factory=dict)  # id(identity) -> reference
    roles: dict[int, Role] = field(default_factory=dict)
    places: dict[int, tuple[str, str]] = field(default_factory=dict)  # first, later
    organisations: dict[int, tuple[str, str, str, str]] = field(default_factory=dict)
    first_seen: dict[int, int] = field(default_factory=dict)  # id(identity) -> first start
    # mention -> where its drop starts: names enumerated after their role
    dropped: dict[tuple[int, int], int] = field(default_factory=dict)
    # a nickname given right after a name is that person here, whatever the book says
    same: dict[int, Identity] = field(default_factory=dict)

    def who(self, identity: Identity) -> Identity:
        return self.same.get(id(identity), identity)


def _attached(m: Mention) -> Identity:
    """The identity of a mention the style reads: it keeps only attached ones."""
    assert m.identity is not None
    return m.identity


class RolesStyle(PseudonymStyle):
    name = "roles"

    def __init__(self, book: IdentityBook, config: Config, table: dict[str, str] | None = None):
        super().__init__(book, config, table)
        self._notes: dict[int, NoteRoles] = {}

    # -- deciding, per note --------------------------------------------------------
    def prepare(self, texts: Sequence[str], mentions: Sequence[list[Mention]]) -> None:
        super().prepare(texts, mentions)
        self._notes.clear()  # each call renders the notes it prepared
        for text, note_mentions in zip(texts, mentions, strict=True):
            if not note_mentions or note_mentions[0].note in self._notes:
                continue  # the note's own text comes before its file names
            self._notes[note_mentions[0].note] = self._read(text, note_mentions)

    def _read(self, text: str, mentions: list[Mention]) -> NoteRoles:
        note = NoteRoles(text)
        for m in mentions:
            if m.identity is not None:
                note.first_seen.setdefault(id(m.identity), m.entity.start)
        persons = [m for m in mentions if m.identity is not None and m.entity.type == "PERSON"]
        for prev, cur in pairwise(persons):
            if prev.identity is not cur.identity and _nickname_after(text, prev.entity, cur.entity):
                note.same[id(cur.identity)] = note.who(_attached(prev))
        # the same words name the same person in a note, whatever the book made of
        # them ("Juju" after "Justine Roux, dite Juju" and "Juju" alone)
        surfaces: dict[int, set[str]] = {}
        order: list[Identity] = []
        for m in persons:
            who = note.who(_attached(m))
            if id(who) not in surfaces:
                order.append(who)
            surfaces.setdefault(id(who), set()).add(key_of(m.entity.text))
        for i, later in enumerate(order):
            for earlier in order[:i]:
                if (
                    surfaces[id(later)] <= surfaces[id(earlier)]
                    and earlier.kind == later.kind
                    and not (later.gender and earlier.gender and later.gender != earlier.gender)
                ):
                    note.same[id(later)] = note.who(earlier)
                    break
        persons = [replace(m, identity=note.who(_attached(m))) for m in persons]
        self._roles(note, persons)
        self._client(note, persons)
        self._references(note, persons)
        self._places(note, [m for m in mentions if m.entity.type == "LOCATION" and m.identity])
        self._organisations(note, [m for m in mentions if m.entity.type == "ORG" and m.identity])
        return note

    def _roles(self, note: NoteRoles, persons: list[Mention]) -> None:
        """The role the text gives each person, from the words around its mentions."""
        lex = lexicon()
        text = note.text
        for m in persons:
            e, identity = m.entity, m.identity
            assert identity is not None
            found = _role_before(text, e)
            if found is not None and (
                "," not in text[found[1] : e.start]
                or re.match(r"\s*(?:[,.;:!?)\]]|\n|$)", text[e.end : e.end + 3])
            ):
                note.roles.setdefault(id(identity), found[0])
                continue
            after = lex.after.match(text, e.end)
            if after is not None:
                note.roles.setdefault(id(identity), _role(after, identity))
        # "leurs deux enfants, Lison et Mathis": both names go, both are the role
        for first, second in pairwise(persons):
            found = _role_before(text, first.entity)
            if (
                found is not None
                and found[0].plural
                and "," in text[found[1] : first.entity.start]
                and re.fullmatch(r"\s+et\s+", text[first.entity.end : second.entity.start])
                and re.match(r"\s*(?:[,.;:!?)\]]|\n|$)", text[second.entity.end :])
            ):
                for m in (first, second):
                    note.roles.setdefault(id(m.identity), found[0])
                note.dropped[(first.entity.start, first.entity.end)] = found[1]
                note.dropped[(second.entity.start, second.entity.end)] = first.entity.end
        for m in persons:  # a table's role column: "| André Bercier | fondateur, ... |"
            identity = _attached(m)
            if id(identity) not in note.roles and (role := _table_role(text, m.entity, identity)):
                note.roles[id(identity)] = role
        for m in persons:  # a title says what nothing else said: "le Dr Roux"
            identity = m.identity
            assert identity is not None
            if id(identity) in note.roles:
                continue
            title = lex.title.search(text, max(0, m.entity.start - 20), m.entity.start)
            if title is not None:
                word = title.group("all").split()[-1].rstrip(".").lower()
                if word in TITLE_ROLES:
                    gender = identity.gender or self.persons.gender(identity)
                    noun = TITLE_ROLES[word][1 if gender == "F" else 0]
                    note.roles[id(identity)] = Role("le", noun, noun, gender or "M", "title")

    def _client(self, note: NoteRoles, persons: list[Mention]) -> None:
        identities = list(dict.fromkeys(i for i in map(_attached, persons) if i.kind != "pet"))
        if not identities:
            return
        chosen: Identity | None = None
        label_gender: dict[int, str] = {}
        if self.config.client:
            chosen = _named(identities, self.config.client)
            if chosen is None:
                return
        else:
            counts: dict[int, int] = {}
            labelled: set[int] = set()
            titled: set[int] = set()
            text = note.text
            titles = [(a, b) for a, b in _title_lines(text) if b - a <= 150]
            for m in persons:
                key = id(m.identity)
                counts[key] = counts.get(key, 0) + 1
                before = text[max(0, m.entity.start - 40) : m.entity.start]
                role = note.roles.get(key)
                label = CLIENT_LABEL.search(before)
                if label or (role is not None and role.kind == "client"):
                    labelled.add(key)
                    word = label.group("word") if label and label.group("word") else ""
                    said = word or (role.noun if role is not None else "")
                    if said.lower() in ("cliente", "coachée"):
                        label_gender[key] = "F"
                    elif said.lower() in ("client", "coaché"):
                        label_gender[key] = "M"
                if any(a <= m.entity.start < b for a, b in titles):
                    titled.add(key)
            candidates = [
                i
                for i in identities
                if id(i) in labelled or not _relative(i, note.roles.get(id(i)))
            ]
            if not candidates:
                return

            # a person the text gives another role ("le commanditaire, Gilles") is
            # less likely the one the note is about
            def rank(i: Identity) -> tuple[bool, bool, float]:
                other = note.roles.get(id(i)) is not None and id(i) not in labelled
                return id(i) in labelled, id(i) in titled, counts[id(i)] / (2 if other else 1)

            chosen = max(candidates, key=rank)
        note.client_identities = [chosen] + [
            i for i in identities if i is not chosen and _alias(i, chosen, identities)
        ]
        note.client = {id(i) for i in note.client_identities}
        # "Cliente : Larry ...": the text's own word says more than the first name
        role = note.roles.get(id(chosen))
        if role is not None and role.kind == "client" and role.gender in ("F", "M"):
            note.client_gender = role.gender
            return
        if self.config.client is None and (said := label_gender.get(id(chosen))):
            note.client_gender = said
            return
        genders = {self.persons.gender(i) for i in identities if id(i) in note.client} - {""}
        note.client_gender = genders.pop() if len(genders) == 1 else self.persons.gender(chosen)

    def _references(self, note: NoteRoles, persons: list[Mention]) -> None:
        """One reference per person of the note, never the same for two of them."""
        used: dict[str, int] = {}
        others = 0
        for m in persons:
            identity = _attached(m)
            key = id(identity)
            if key in note.references or key in note.client:
                continue
            if identity.kind == "pet" and key not in note.roles:
                continue
            role = note.roles.get(key)
            gender = self.persons.gender(identity)
            if role is None:
                reference = (
                    f"une {ORDINALS[others] if others < len(ORDINALS) else _nth(others)} personne"
                )
                others += 1
            else:
                reference = _reference(role, gender)
                n = used.get(reference.lower(), 0)
                used[reference.lower()] = n + 1
                if n:
                    reference = _another(reference, n)
            note.references[key] = reference

    def _places(self, note: NoteRoles, mentions: list[Mention]) -> None:
        used: dict[str, int] = {}
        for m in mentions:
            identity = _attached(m)
            if id(identity) in note.places:
                continue
            kind = self.places.kind(identity)
            first = described(identity.canonical, kind)
            n = used.get(first, 0)
            used[first] = n + 1
            noun = _place_noun(first)
            later = _demonstrative(noun, n)
            if n:
                first = _other(AREA.sub("", first), n)  # "une autre petite ville"
            note.places[id(identity)] = (first, later)

    def _organisations(self, note: NoteRoles, mentions: list[Mention]) -> None:
        used: dict[str, int] = {}
        for m in mentions:
            identity = _attached(m)
            if id(identity) in note.organisations:
                continue
            noun, gender = _org_noun(identity, m.entity.text)
            article = "une" if gender == "F" else "un"
            first = f"{article} {noun}"
            n = used.get(first, 0)
            used[first] = n + 1
            later = _demonstrative(noun, n, gender=gender)
            if n:
                first = _other(first, n)
            note.organisations[id(identity)] = (first, later, noun, gender)

    # -- rendering ---------------------------------------------------------------------
    def render(self, mention: Mention, text: str) -> str:
        e = mention.entity
        identity = mention.identity
        note = self._notes.get(mention.note)
        if identity is None or note is None:
            return super().render(mention, text)
        main = text is note.text or text == note.text
        if e.type == "PERSON":
            key = id(note.who(identity))
            if key in note.client:
                return "ma cliente" if note.client_gender == "F" else "mon client"
            if key in note.references:
                return note.references[key]
            return super().render(mention, text)  # a pet known by its name
        if e.type == "LOCATION" and id(identity) in note.places:
            first, later = note.places[id(identity)]
            if main and e.start > note.first_seen.get(id(identity), e.start):
                return later
            return first
        if e.type == "ORG" and id(identity) in note.organisations:
            first, later, noun, gender = note.organisations[id(identity)]
            if main and NAMED_AFTER_NOUN.search(text, max(0, e.start - 30), e.start):
                return ""  # "chez l'importateur [Nakamura Shoten] à Osaka"
            article = ARTICLE_BEFORE.search(text, max(0, e.start - 6), e.start) if main else None
            if article is not None and _agrees(article.group(1).lower(), noun, gender):
                return noun  # "à l'[IUT d'Annecy]" -> "à l'IUT", "au [lycée X]" -> "au lycée"
            if main and e.start > note.first_seen.get(id(identity), e.start):
                return later
            return first
        return super().render(mention, text)

    def spans(
        self, text: str, mentions: Sequence[Mention], values: Sequence[str]
    ) -> tuple[list[Entity], list[str]]:
        """Dates with their phrase; a person's mention with the title before it, the
        role it repeats or the words that introduce a name the role replaces."""
        entities, out = self.dates.spans(text, mentions, values)
        note = next((self._notes.get(m.note) for m in mentions), None)
        if note is None or not (text is note.text or text == note.text):
            return entities, out
        by_span = {(m.entity.start, m.entity.end): m for m in mentions}
        ends = {m.entity.end: m.entity.start for m in mentions if m.entity.type == "PERSON"}
        spans = [(e.start, e.end) for e in entities]
        previous: Mention | None = None
        for k, e in enumerate(entities):
            m = by_span.get((e.start, e.end))
            if m is not None and e.type in ("ORG", "LOCATION") and DETERMINED_VALUE.match(out[k]):
                # "la [Savonnerie X]" told "une entreprise", "dans l'[Ain]" told "un
                # département": the article goes
                article = PLAIN_ARTICLE.search(text, max(0, e.start - 6), e.start)
                lo = spans[k - 1][1] if k else 0
                if article is not None and article.start() >= lo:
                    spans[k] = (article.start(), e.end)
                    entities[k] = replace(
                        e, start=article.start(), text=text[article.start() : e.end]
                    )
                continue
            if m is None or e.type != "PERSON" or m.identity is None:
                continue
            value = out[k]
            if value[:1].islower() and value != EMPTY:  # a role, not a pet's name
                start, end, new = self._widen(text, m, value, note, previous)
                if new[:1].islower() and _turn_start(text, start, ends):
                    new = new[:1].upper() + new[1:]  # "[19:02] Clo : ..." -> "[19:02] Ma cliente"
                lo = spans[k - 1][1] if k else 0
                hi = spans[k + 1][0] if k + 1 < len(spans) else len(text)
                if not (lo <= start and end <= hi):  # another replacement lies there
                    start, new = self._title(text, e.start, value)
                    end = e.end
                if lo <= start:
                    spans[k] = (start, end)
                    entities[k] = replace(e, start=start, end=end, text=text[start:end])
                    out[k] = new
            previous = m
        return entities, out

    def _widen(
        self, text: str, m: Mention, value: str, note: NoteRoles, previous: Mention | None
    ) -> tuple[int, int, str]:
        """The span a role rewrites and its value."""
        e, identity = m.entity, m.identity
        assert identity is not None
        lex = lexicon()
        start, end = e.start, e.end
        is_client = id(identity) in note.client
        # a nickname given right after the name: "Gwenaëlle Le Guen (« Gwen »)"
        identity = note.who(identity)
        if (
            previous is not None
            and note.who(_attached(previous)) is identity
            and _nickname_after(text, previous.entity, e)
        ):
            gap = text[previous.entity.end : e.start]
            close = INTRODUCED_CLOSE.match(text, e.end)
            assert close is not None  # every part optional: always matches
            stop = close.end()
            closed = text[e.end : stop]
            if ("(" in gap) == (")" in closed) and (
                not re.search(r"[«\"“]", gap) or re.search(r"[»\"”]", closed)
            ):
                after = lex.after.match(text, stop)
                if after is not None and note.roles.get(id(identity)) == _role(after, identity):
                    stop = after.end()  # "Jean-Baptiste Lefèvre, dit JB, infirmier," -> its role
                if "," in gap:
                    # "Justine Roux, dite Juju, arrive": both commas go
                    stop = _closing_comma(text, stop, lex, apposed=False)
                return previous.entity.end, stop, ""
        if (start, end) in note.dropped:  # "leurs deux enfants, Lison et Mathis"
            return note.dropped[(start, end)], _closing_comma(text, end, lex), ""
        # "Bonjour Madame Roux," -> "Bonjour Madame,"
        if greeting := lex.greeting.search(text, max(0, start - 30), start):
            start -= len(greeting.group("particle"))
            spaces = len(text[:start]) - len(text[:start].rstrip())
            return start - spaces, end, ""
        # a name right after its role: "sa sœur Capucine", "son médecin, le Dr Roux,"
        found = _role_before(text, e)
        if found is not None and ":" not in text[found[1] : start]:
            role, sep_start = found
            # "son adjointe, Nadège, a", never "la coach, M. Roux et Mme Vidal"
            apposed = "," not in text[sep_start:start] or re.match(
                r"\s*(?:[,.;:!?)\]]|\n|$)", text[end : end + 3]
            )
            if (role.kind == "client") == is_client and apposed:
                return sep_start, _closing_comma(text, end, lex), ""
        # a household, plural as it was: "les Bercier parlent" -> "les proches de ma cliente"
        household = HOUSEHOLD.search(text, max(0, start - 12), start)
        if household is not None and all(p.role in ("last", "particle") for p in m.parts):
            prep = household.group(1).lower()
            after = lex.after.match(text, end)
            if after is not None and _role(after, identity).plural:
                # "chez les Hébert, les voisins," -> "chez les voisins,"
                role = _role(after, identity)
                family = _join(role.det or "les", _lower_first(role.phrase))
                end = after.end()
            else:
                family = "les membres de la famille"
                client = next((i for i in note.client_identities), None)
                if client is not None and identity.last and identity.last == client.last:
                    family = "les proches de " + (
                        "ma cliente" if note.client_gender == "F" else "mon client"
                    )
            if family.startswith("les "):
                family = {"les": family, "des": "des " + family[4:], "aux": "aux " + family[4:]}[
                    prep
                ]
            return household.start(1), end, family
        # a name followed by its role: "Mme Roux, la DRH," -> "la DRH"
        after = lex.after.match(text, end)
        if after is not None:
            role = _role(after, identity)
            if (is_client and role.kind == "client") or (
                not is_client and note.roles.get(id(identity)) == role
            ):
                stop = after.end()
                if after.group("open").strip() == ",":
                    stop = _closing_comma(text, stop, lex)
                if not is_client:
                    # the role as written when it says whose ("sa médecin traitante"),
                    # else the reference that tells it from the others ("l'autre infirmier")
                    value = role.written() if role.det in POSSESSIVES else value
                start, value = self._title(text, start, value)
                return start, stop, value
        # a name said to someone in a dialogue: "Claire, qu'en pensez-vous ?"
        vocative = _vocative(text, start, end)
        if vocative is not None:
            return vocative
        start, value = self._title(text, start, value)
        return start, end, value

    @staticmethod
    def _title(text: str, start: int, value: str) -> tuple[int, str]:
        """A role goes with the title before its name: "Mme Roux" -> "ma cliente",
        "du Dr Roux" -> "du médecin"."""
        title = lexicon().title.search(text, max(0, start - 20), start)
        if title is None:
            return start, value
        article = (title.group("article") or "").lower()
        if article == "du":
            value = _contract("de", value)
        elif article == "au":
            value = _contract("à", value)
        return title.start("all"), value


def _contract(prep: str, value: str) -> str:
    m = re.match(r"^(le|les)\s+", value)
    if m:
        word = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}[
            (prep, m.group(1))
        ]
        return f"{word} {value[m.end() :]}"
    if prep == "de" and VOWEL.match(value):
        return "d'" + value
    return f"{prep} {value}"


def _role(match: re.Match, identity: Identity) -> Role:
    noun = match.group("noun").lower()
    gender, kind = lexicon().nouns.get(noun, ("X", "work"))
    det = (match.group("det") or "").lower().replace("’", "'")
    phrase = match.group("phrase")
    if match.group("det"):
        phrase = phrase[len(match.group("det")) :].lstrip()
    if gender == "X":
        gender = identity.gender or "X"
    return Role(det, phrase.strip(), noun, gender, kind)


def _role_before(text: str, e: Entity) -> tuple[Role, int] | None:
    """The role right before a mention and where the words between them start."""
    window = text[max(0, e.start - 80) : e.start]
    lex = lexicon()
    if not any(w in lex.nouns for w in WORD.findall(window.lower())):
        return None  # most names have no role word before them: no regex search
    found = lex.before.search(window)
    if found is None:
        return None
    sep = found.group("sep")
    comp = found.group("comp") or ""
    bare = re.search(r"(?:^|\s)(?!(?:de|du|des|d['’])\b)[\wà-ÿ]", comp)
    if sep.strip() == "" and bare and not found.group("title"):
        return None  # "sa sœur appelle Paul": no role without a comma after its words
    offset = e.start - len(window)
    return _role(found, _NO_IDENTITY), offset + found.start("sep")


_NO_IDENTITY = Identity("", "PERSON", 0, "")


def _closing_comma(text: str, end: int, lex: Lexicon, apposed: bool = True) -> int:
    """Where a dropped apposition ends: the comma that closes it goes with it when
    the rest of the sentence follows ("sa sœur, Claire, est venue" -> "sa sœur est
    venue"), and stays before another apposition ("son père, Raymond, né à Lyon").
    `apposed=False`: the words before were not an apposition ("Justine, dite Juju,
    arrive"): the comma goes unless another apposition follows."""
    m = re.match(r"\s*,\s*", text[end : end + 4])
    if not m:
        return end
    found = re.findall(r"[\wÀ-ÿ'’-]+", text[end + m.end() : end + m.end() + 40])[:2]
    if not found:
        return end
    first = found[0].replace("’", "'")
    second = found[1].lower() if len(found) > 1 else ""
    word = first.lower()
    elided = re.match(r"^([ldnsmt]')(.+)$", word)
    drop = end + len(m.group().rstrip())
    if first[:1].isupper() or first[:1].isdigit():
        return end
    if elided:
        rest = elided.group(2)
        if rest in lex.nouns or rest in lex.openers:
            return end  # "son père, Raymond, l'ancien maire"
        return drop if elided.group(1) + "" in lex.predicates else end
    if word in DETERMINERS or word in lex.openers or word in lex.nouns:
        return end
    if word in lex.predicates:
        return drop
    if not apposed:
        return drop
    if word in lex.stops:
        return end  # "pour la première demi-heure", "qui a poussé"
    if second in DETERMINERS or second.startswith(("l'", "d'")):
        return drop  # "remplit la fiche": a verb and its object
    return end


def _turn_start(text: str, start: int, ends: dict[int, int]) -> bool:
    """Whether `start` opens a line or a speaker's turn: after a bullet or a
    timestamp, after a label in capitals ("LA COACH : "), after a chat's
    timestamp and name ("[19:02] Clo : "), after a person's name ("Clo : ")."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if TURN.fullmatch(head) or CAPS_LABEL.fullmatch(head) or CHAT_LABEL.fullmatch(head):
        return True
    label = re.fullmatch(r"(.*?)\s?:\s*", head)
    if label is None:
        return False
    name_start = ends.get(line_start + len(label.group(1)))
    return name_start is not None and bool(TURN.fullmatch(text[line_start:name_start]))


def _vocative(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A name said to someone in a dialogue line: its span and what replaces it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    label = SPEAKER.match(text, line_start, line_end)
    if label is None or start < label.end():
        return None  # not a dialogue, or the speaker's label itself
    head = text[label.end() : start]
    # "Claire, qu'en pensez-vous ?" -> "Qu'en pensez-vous ?"
    if not head.strip(' «"“') and (m := re.match(r",\s*([^\W\d_])", text[end : end + 4])):
        sentence = re.split(r"[.!?]", text[end:line_end], maxsplit=1)[0]
        if SECOND_PERSON.search(sentence):
            return start, end + m.end(), m.group(1).upper()
    # "Qu'est-ce que vous entendez, Claire ?" -> "Qu'est-ce que vous entendez ?"
    comma = re.search(r",\s*$", head)
    if comma and re.match(r"\s*[?!.…]", text[end : end + 3]):
        sentence = re.split(r"[.!?]", head)[-1]
        if SECOND_PERSON.search(sentence):
            return label.end() + comma.start(), end, ""
    return None


TABLE_ROLE_HEADERS = re.compile(r"^\s*(?:rôle|role|fonction|poste|lien|relation|statut)\s*$", re.I)


def _table_role(text: str, e: Entity, identity: Identity) -> Role | None:
    """The role a Markdown table gives the person named in a row's cell."""
    line_start = text.rfind("\n", 0, e.start) + 1
    line_end = text.find("\n", e.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not line.lstrip().startswith("|"):
        return None
    # the table's first row, its header
    top = line_start
    while top > 0:
        previous = text.rfind("\n", 0, top - 1) + 1
        if not text[previous : top - 1].lstrip().startswith("|"):
            break
        top = previous
    header = text[top : text.find("\n", top)].split("|")
    cells = line.split("|")
    at = line[: e.start - line_start].count("|")
    column = next((i for i, h in enumerate(header) if TABLE_ROLE_HEADERS.match(h)), None)
    if column is None or column == at or column >= len(cells) or top == line_start:
        return None
    phrase = cells[column].split(",")[0].strip()
    words = phrase.split()
    known = lexicon().nouns.get(words[0].lower()) if words else None
    if words and re.search(r"[A-ZÀ-Ý0-9]", phrase):
        # "fille d'André" names somebody: the relation alone, when it is one
        if known is None:
            return None
        phrase = words[0]
        words = [phrase]
    if not words or len(words) > 5:
        return None
    gender, kind = known or (identity.gender or "X", "work")
    return Role("", phrase, words[0].lower(), gender, kind)


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Where the note says what it is about: its front matter's title and client
    keys, its first line and its level-one headings."""
    found: list[tuple[int, int]] = []
    pos = 0
    front = text.startswith("---\n")
    first = True
    for i, line in enumerate(text.split("\n")):
        end = pos + len(line)
        if front and i > 0 and line.strip() == "---":
            front = False
        elif front:
            if FIRST_LINE_KEYS.match(line):
                found.append((pos, end))
        elif line.strip() and (first or line.startswith("# ")):
            found.append((pos, end))
            first = False
        pos = end + 1
    return found


def _relative(identity: Identity, role: Role | None) -> bool:
    """Somebody's relative (or pet): never the client, unless labelled so."""
    return role is not None and role.kind in ("family", "address", "pet")


def _named(identities: list[Identity], client: str) -> Identity | None:
    wanted = key_of(client)
    tokens = set(wanted.split())
    for p in identities:
        if key_of(p.canonical) == wanted:
            return p
    for p in identities:
        if tokens <= set((p.first + " " + p.last).split()):
            return p
    for p in identities:  # "Le Guen" for a mention "Guen"
        names = set((p.first + " " + p.last).split())
        if names and names <= tokens:
            return p
    return None


def _alias(i: Identity, client: Identity, identities: list[Identity]) -> bool:
    """Another identity of the note that names the client: "Gwen Le Guen" for
    "Gwenaëlle Le Guen", "Le Guen" alone, "Gwen"."""
    if i is client or i.kind == "pet":
        return i is client
    if i.gender and client.gender and i.gender != client.gender:
        return False
    if i.relation:
        return False
    same_last = bool(i.last) and i.last == client.last
    first_fits = (
        not i.first
        or i.first == client.first
        or (len(i.first) >= 3 and client.first.startswith(i.first))
    )
    if same_last and first_fits:
        rivals = [x for x in identities if x is not client and x is not i and x.last == i.last]
        return not any(x.first and not client.first.startswith(x.first) for x in rivals)
    if not i.last and i.first and first_fits and client.first:
        rivals = [
            x for x in identities if x is not client and x.first == client.first and x is not i
        ]
        return not rivals
    return False


# -- places and organisations --------------------------------------------------------------


def _place_noun(phrase: str) -> str:
    """'une petite ville de l'Ouest' -> 'ville'."""
    for noun in ("ville", "village", "pays", "région", "département", "lieu"):
        if re.search(rf"\b{noun}\b", phrase):
            return noun
    return "lieu"


def _demonstrative(noun: str, n: int = 0, gender: str = "") -> str:
    """'cette ville', 'cette autre ville', 'ce troisième village', 'cet IUT'."""
    fem = gender == "F" or (not gender and noun in lexicon().feminine | {"ville", "région"})
    word = (_nth(n) + " ") if n else ""
    det = "cette" if fem else "cet" if VOWEL.match(word or noun) else "ce"
    return f"{det} {word}{noun}"


AREA = re.compile(r" (?:de l'|de la |du |d')[\wÀ-ÿ' -]+$")


def _other(phrase: str, n: int) -> str:
    """'une petite ville' -> 'une autre petite ville', 'une troisième petite ville'."""
    article, rest = phrase.split(" ", 1)
    return f"{article} {_nth(n)} {rest}"


def _agrees(article: str, noun: str, gender: str) -> bool:
    """Whether an organisation's head noun fits the article the text put before it."""
    # "la [Savonnerie X]" -> "l'entreprise": grammar repair elides the article
    if article in ("le", "du", "au"):
        return gender != "F"
    if article == "la":
        return gender == "F"
    if article in ("l'", "l’"):
        return bool(VOWEL.match(noun))
    return False  # "les", "des", "aux": a plural the head noun is not


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(row[0].lower() for row in table("org_heads.tsv"))


def _org_noun(identity: Identity, original: str) -> tuple[str, str]:
    """The head noun an organisation is known by, and its gender."""
    lex = lexicon()
    found = org_head(original, identity.head)
    if found is not None:
        # the head of the table within what was found: "Judo Club" -> "club",
        # "Hospices civils" and "école de commerce" stay whole
        words = found[0].split()
        head = next(
            (" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]).lower() in
             _org_heads()),
            words[-1],
        )  # fmt: skip
        noun = head if head.isupper() else head.lower()
        first = noun.split()[0].lower()
        # trade nouns in -erie are feminine ("une savonnerie", "la fromagerie")
        return noun, "F" if first in lex.feminine or first.endswith("erie") else "M"
    noun, gender = lex.org_kinds.get(identity.kind, ("structure", "F"))
    return noun, gender
