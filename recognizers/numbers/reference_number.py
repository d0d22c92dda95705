"""Invoice, quote, client, contract, order and file numbers.

Three ways to recognise one, from most to least certain:
1. after its label ("facture n° F2025-0147", "Client n° CLI-0231",
   "bon_de_commande: PO-2025-0311", "Réf. demande de formation : DF-25-0087"):
   only the number is the span, the label stays outside;
2. the same code again anywhere in the note, label or not ("Objet : F2025-0147");
3. alone, when it is shaped like a reference code: capitals and digits in
   separated groups with a serial beyond a bare year ("IBR-2025-019").
Refused: article numbers of a code ("art. L441-10 du Code de commerce"),
standards ("ISO-9001"), dates, times, amounts, phone numbers, bare years,
quantities with a unit, and numbers after words that are not labels
("réunion n° 1", "séance 3"). Labels live in `data/reference_labels.tsv`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex as re

from recognizers import _data
from recognizers._regex_entity import Candidate, _RegexEntityRecognizer

LABELED_SCORE = 0.9
LABELED_DIGITS_SCORE = 0.75
REPEATED_SCORE = 0.85
SHAPED_SCORE = 0.5
MIN_CODE_LENGTH = 3
MIN_SHAPED_DIGITS = 4
# Digits after a label without "n°": six, or five with a separator inside.
MIN_BARE_DIGITS = 6

_MARKER = r"(?:n\s?°|nº|n[o°]\.|no(?=\s*[:\d])|num(?:éro|ero)?\.?|#)"
# A code holds at least one digit: "réf. devis D2025-0098" must not stop at "devis".
_CODE = r"(?=[\p{L}\p{N}._/-]*\d)[\p{L}\p{N}](?:[\p{L}\p{N}]|[-/_.](?=[\p{L}\p{N}]))*(?![\w@])"
# Capitals and digits in separated groups, or glued when the serial is long
# (a flight "AF1234" is not a reference, "F20250147" is).
_SHAPED = re.compile(
    r"(?<![\w@./\-])(?:[A-Z0-9]+(?:[-/][A-Z0-9]+)+|[A-Z]{1,5}\d{5,})(?![\w@]|[-/.]\w)"
)
_DATE = re.compile(
    r"^(?:\d{1,2}[/.\-]\d{1,2}(?:[/.\-](?:\d{2}|\d{4}))?|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})$"
)
_TIME = re.compile(r"^\d{1,2}[h:]\d{0,2}$", re.IGNORECASE)
_PHONE = re.compile(r"^0[1-9]\d{8}$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEARS = re.compile(r"^(?:19|20)\d\d(?:[-/](?:19|20)?\d\d)?$")
_QUANTITY = re.compile(
    r"^\d{1,4}(?:[.,]\d+)?(?:h\d*|min|ans?|mois|jours?|j|kg|km|m2|m²|e|er|ère|[èe]me|x|k|%)$",
    re.IGNORECASE,
)
_AMOUNT_AFTER = re.compile(r"\s*(?:€|euros?\b|eur\b|k€|%|\$)", re.IGNORECASE)
# "art." or "article(s)" shortly before; not "l'art de ...".
_ARTICLE_BEFORE = re.compile(r"\b(?:arts?\.|articles?\b)[^\n]{0,30}$", re.IGNORECASE)
_CODE_AFTER = re.compile(r"\s+(?:du\s+code\b|CGI\b|CSS\b|CSP\b|CASF\b)", re.IGNORECASE)


def _label_regex() -> re.Pattern:
    """One regex for all labels, capturing the code that follows."""
    code_labels: list[str] = []
    free_labels: list[str] = []
    for label, mode in _data.table("reference_labels.tsv"):
        words = [re.escape(w) for w in label.split()]
        (free_labels if mode == "free" else code_labels).append(r"[\s_]+".join(words))
    by_length = lambda xs: "|".join(sorted(xs, key=len, reverse=True))  # noqa: E731
    before = r"(?<![\p{L}\p{N}_])"
    after = r"(?![\p{L}\p{N}])"
    marker_first = rf"(?:{_MARKER}\s*(?:de\s+|d')?)?"
    # "facture n° X", "facture : X", "facture X", "n° de dossier : X", and with
    # one or two qualifying words: "dossier CAF n° X", "contrat d'assurance n° X",
    # "identifiant France Travail : X", "identifiant Pôle emploi X"
    # a qualifying word is a whole word: "Fiche TRT-004" is not "TR" + "T-004"
    qualified = (
        rf"(?:\s+[\p{{L}}'’]{{2,20}}(?![\p{{L}}\p{{N}}_/-])){{1,2}}\s*(?:{_MARKER}\s*[:|]?|:)?\s*"
    )
    gap = rf"(?:\s*[:|]?\s*{_MARKER}\s*[:|]?\s*|\s*[:|]\s*|{qualified}|\s+)"
    free_gap = r"(?:\s+[\p{L}'’-]+){0,4}\s*:\s*"
    return re.compile(
        rf"{before}(?:{marker_first}(?P<label>{by_length(code_labels)}){after}(?P<gap>{gap})"
        rf"|(?P<free>{by_length(free_labels)}){after}(?P<fgap>{free_gap}|{gap}))"
        rf"(?P<code>{_CODE})",
        re.IGNORECASE,
    )


def _stop_prefixes() -> frozenset[str]:
    return frozenset(p.upper() for p in _data.lines("reference_not_codes.txt"))


class ReferenceNumberRecognizer(_RegexEntityRecognizer):
    """ID: reference numbers after a label, repeated, or shaped like a code."""

    ENTITY = "ID"
    WHY = "reference number"

    def __init__(self) -> None:
        super().__init__()
        self._labels = _label_regex()
        self._stops = _stop_prefixes()

    def candidates(self, text: str) -> Iterator[Candidate]:
        spans: dict[tuple[int, int], float] = {}
        codes: set[str] = set()
        for m in self._labels.finditer(text):
            score = self._labeled_score(text, m)
            if score:
                spans[m.span("code")] = score
                codes.add(m.group("code"))
        for code in codes:
            for m in re.finditer(rf"(?<![\w@./\-]){re.escape(code)}(?![\w@]|[-/.]\w)", text):
                spans.setdefault(m.span(), REPEATED_SCORE)
        for m in _SHAPED.finditer(text):
            if m.span() not in spans and self._looks_like_reference(text, m.start(), m.end()):
                spans[m.span()] = SHAPED_SCORE
        for (start, end), score in sorted(spans.items()):
            yield start, end, score, {}

    def _labeled_score(self, text: str, m: re.Match) -> float:
        code = m.group("code")
        start, end = m.span("code")
        digits = sum(c.isdigit() for c in code)
        if len(code) < MIN_CODE_LENGTH or digits == 0 or self._is_article(text, start, end):
            return 0.0
        if _QUANTITY.match(code) or _TIME.match(code) or _AMOUNT_AFTER.match(text, end):
            return 0.0
        if any(c.isalpha() for c in code):
            return LABELED_SCORE if digits >= 2 and not self._stopped(code) else 0.0
        # Digits only: not a date, a year (or range), a phone number, or the
        # start of a spaced number; and, without an explicit "n°"/":", long
        # enough to be a serial ("facture 2025-014", "commande 4500123456").
        if _DATE.match(code) or _YEARS.match(code) or _PHONE.match(code):
            return 0.0
        gap = m.group("gap") or m.group("fgap") or ""
        if not re.search(rf"{_MARKER}|:", gap, re.IGNORECASE) and not (
            digits >= MIN_BARE_DIGITS or (digits >= MIN_BARE_DIGITS - 1 and not code.isdigit())
        ):
            return 0.0
        if re.match(r"[ .]\d", text[end : end + 2]):
            return 0.0
        return LABELED_DIGITS_SCORE

    def _looks_like_reference(self, text: str, start: int, end: int) -> bool:
        code = text[start:end]
        groups = re.findall(r"\d+", code)
        if not re.search(r"[A-Z]", code) or sum(map(len, groups)) < MIN_SHAPED_DIGITS:
            return False
        # The serial must be more than a year: "Q3-2025", "RE2020" are not references.
        serial = list(groups)
        for g in serial:
            if _YEAR.match(g):
                serial.remove(g)
                break
        if not any(len(g) >= 2 for g in serial):
            return False
        return not self._stopped(code) and not self._is_article(text, start, end)

    def _stopped(self, code: str) -> bool:
        prefix = re.match(r"[A-Za-z]+", code)
        return prefix is not None and prefix.group().upper() in self._stops

    @staticmethod
    def _is_article(text: str, start: int, end: int) -> bool:
        """An article of a legal code: 'art. L441-10', 'L441-10 du Code de commerce'."""
        before = text[max(0, start - 40) : start]
        return bool(_ARTICLE_BEFORE.search(before) or _CODE_AFTER.match(text, end))
