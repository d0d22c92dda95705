"""Places from the gazetteer: communes, departments, regions, foreign cities, countries.

spaCy's French NER misses many places (villages, departments, `Pays d'Auge`)
and the gazetteer finds them all, in one linear pass. What it cannot know on
its own is whether a capitalized word is the place: names that are also common
words or people's names (`Tours`, `Cassis`, `Marchal`) count only with a place
context, countries only when they say where someone is from or lives, and
`France` never (it is in no list).
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers import LANGUAGE
from recognizers import _place_context as ctx
from recognizers._gazetteer import Entry, Hit, scan
from recognizers._ids import build_result
from recognizers.lexicons import is_ordinary_word

SCORE_POSTAL = 0.85  # `61120 Camembert`
SCORE_PLAIN = 0.7  # an unambiguous commune, department or region
SCORE_FOREIGN = 0.6  # foreign city names are sometimes people's names too
SCORE_CONTEXT = 0.6  # an ambiguous name after `à`, `de`, `en`...
SCORE_LIST = 0.5  # an ambiguous name listed next to another place, or a table cell
SCORE_COUNTRY = 0.6  # a country after `née en`, `originaire du`...
ARTICLED_TOWN = 20_000  # `Le Havre`, `La Rochelle` even at a sentence start

_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(Le |La |Les |L['’]|Aux |LE |LA |LES |L['’])$")


def _plain(s: str) -> str:
    """Lower-case, hyphens as spaces, `St` as `Saint`: accents kept."""
    words = s.lower().replace("’", "'").replace("-", " ").split()
    return " ".join("saint" if w == "st" else "sainte" if w == "ste" else w for w in words)


def _accents_dropped(surface: str, entry: Entry) -> bool:
    """`Ange` matched `Angé`: a different word, unless written in capitals."""
    if surface.isupper():
        return False
    plain = _plain(surface)
    accents = sum(not c.isascii() for c in surface)
    for place in entry.places:
        name = place.name[len(place.article) :] if place.article else place.name
        if _plain(name) == plain or _plain(place.name) == plain:
            return False
        if accents >= sum(not c.isascii() for c in name):
            return False  # `Sévrier` for INSEE's `Sevrier`: an accent added, not lost
    return True


class PlaceGazetteerRecognizer(EntityRecognizer):
    """LOCATION: gazetteer places, with the context their ambiguity requires."""

    ENTITY = "LOCATION"

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=LANGUAGE,
            name="PlaceGazetteerRecognizer",
        )

    def load(self) -> None:
        """The automaton is built on first use and cached for the process."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        accepted: dict[int, tuple[int, int, float, str]] = {}
        pending: list[tuple[int, int, str]] = []
        for hit in scan(text):
            decision = self._judge(text, hit)
            if decision is None:
                continue
            start, score, kind = decision
            if score > 0:
                accepted[hit.start] = (start, hit.end, score, kind)
            else:
                pending.append((start, hit.end, kind))
        self._resolve_lists(text, accepted, pending)
        return [self._result(s, e, score, kind) for s, e, score, kind in accepted.values()]

    def _judge(self, text: str, hit: Hit) -> tuple[int, float, str] | None:
        """(span start, score, kind); score 0 means "only as part of a list"; None: no."""
        entry, start = hit.entry, hit.start
        kind = entry.best.kind
        article_context = False
        words = ctx.words_before(text, start)
        # The official article: inside when capitalized, else outside but required.
        if entry.articles:
            m = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
            article = m.group(1).strip().rstrip("'’").title() if m else ""
            lowered = words[-1] if words else ""
            contracted = {"au": "Le", "du": "Le", "aux": "Les", "des": "Les"}.get(lowered, "")
            if m and article and any(a.rstrip("'") == article for a in entry.articles):
                start = m.start(1)
                # `aux Herbiers` needs no more; `Les Herbiers` mid-sentence neither.
                # At a sentence start, only a town of some size (`Le Havre est...`,
                # not `La Plaine est...`).
                before = ctx.line_before(text, start).rstrip()
                mid_sentence = bool(before) and before[-1] not in ".!?:;-*#>|"
                article_context = mid_sentence or any(
                    p.article and p.population >= ARTICLED_TOWN for p in entry.places
                )
            elif entry.needs_article and not (
                lowered.rstrip("'").title() in {a.rstrip("'") for a in entry.articles}
                or contracted in entry.articles
            ):
                return None
        if entry.only_country:
            return (start, SCORE_COUNTRY, kind) if ctx.country_context(words) else None
        if ctx.postal_code_before(text, hit.start):
            return start, SCORE_POSTAL, kind
        if ctx.after_person_word(text, hit.start):
            return None  # `Alexandre Vienne`, `Mme Laval`: a surname
        takes_article = bool(entry.articles) or kind not in ("commune", "foreign_city")
        if not takes_article and start == hit.start and words and words[-1] in ctx.LOWER_ARTICLES:
            return None  # `de la Tête`, `le Bourg`: a common noun
        ambiguous = (
            entry.ambiguous or entry.is_alias or _accents_dropped(text[hit.start : hit.end], entry)
        )
        if not ambiguous:
            return start, SCORE_FOREIGN if kind == "foreign_city" else SCORE_PLAIN, kind
        if ctx.department_after(text, hit.end):
            return start, SCORE_CONTEXT, kind
        surface = text[hit.start : hit.end]
        if surface in ctx.first_names(2) or ctx.noun_complement_after(text, hit.end):
            # `le cidre de Bernard`, `la Chambre de métiers`: not a place.
            return None
        if surface.isupper() and len(surface) > 1 and is_ordinary_word(surface):
            return None  # `Rester sur SON rythme`, `à TOUT prix`: a word stressed
        if article_context or ctx.preposition_before(words, takes_article):
            return start, SCORE_CONTEXT, kind
        if ctx.table_cell(text, hit.start, hit.end) and not (
            is_ordinary_word(surface) and _header_row(text, hit.end)
        ):
            return start, SCORE_LIST, kind  # "| Champ | Valeur |" names a column, not a town
        if ctx.starts_list_item(text, start):
            return start, 0.0, kind
        return None

    @staticmethod
    def _resolve_lists(
        text: str,
        accepted: dict[int, tuple[int, int, float, str]],
        pending: list[tuple[int, int, str]],
    ) -> None:
        """Accept an ambiguous name listed right next to an accepted place.

        Only neighbours in text order are compared, so this stays linear.
        """
        items = sorted(
            [(s, e, True) for s, e, _, _ in accepted.values()]
            + [(s, e, False) for s, e, _ in pending]
        )
        kinds = {s: k for s, _, k in pending}
        ok = [flag for _, _, flag in items]
        changed = True
        while changed:
            changed = False
            for i, (start, end, _) in enumerate(items):
                if ok[i]:
                    continue
                prev_ok = i > 0 and ok[i - 1] and ctx.list_gap(text, items[i - 1][1], start)
                next_ok = (
                    i + 1 < len(items) and ok[i + 1] and ctx.list_gap(text, end, items[i + 1][0])
                )
                if prev_ok or next_ok:
                    ok[i] = changed = True
                    accepted[start] = (start, end, SCORE_LIST, kinds[start])

    def _result(self, start: int, end: int, score: float, kind: str) -> RecognizerResult:
        # the shared builder gives the explanation object the context enhancer needs
        result = build_result(self, self.ENTITY, start, end, score, f"gazetteer: {kind}")
        result.recognition_metadata["kind"] = kind
        return result


_SEPARATOR_ROW = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}")


def _header_row(text: str, end: int) -> bool:
    """A Markdown table's header row: the next line is its |---| separator."""
    line_end = text.find("\n", end)
    return line_end >= 0 and bool(_SEPARATOR_ROW.match(text, line_end + 1))
