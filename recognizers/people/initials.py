"""Initials and abbreviated names: `S. Rigal`, `Y. Le Bras`, `Prune V.`, `A. K.-L. B.`.

Signatures and chat exports abbreviate names. Three shapes: initial(s) then
a surname, a first name then an initial, and a run of two or more initials
separated by spaces. `M.` alone is a title, not an initial, and dotted
abbreviations without spaces (`N.B.`, `P.S.`, `U.S.A.`) are not names.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers._names import (
    NameRecognizer,
    Word,
    first_name,
    fold,
    is_surname,
    is_title,
    person_words,
    relation_words,
    result,
    stop_words,
    surname_end,
    words,
)
from recognizers.lexicons import is_ordinary_word, org_head, org_suffix, place_population

_UP = "A-ZÀÂÉÈÊÎÔÛÇ"
# `S.`, `J.-P.`, `A.K.`, and `J-L.` (a hyphen without the first dot)
_GROUP = rf"[{_UP}](?:\.|(?=-[{_UP}]\.))(?:-?[{_UP}]\.)*"
# initials then a surname: `S. Rigal`, `J.-P. Martin`, `Y. Le Bras`, `J-L. Gonner`
_INITIAL_SURNAME = re.compile(rf"(?<![\w.’'-])(?P<ini>{_GROUP})[ \u00a0](?=[{_UP}])")
# an initial glued to the surname, as typed in a hurry: `Z.Berthier`, `J.-P.Roux`
_GLUED = re.compile(rf"(?<![\w.’'-@/])(?P<ini>{_GROUP})(?=[{_UP}][a-zà-ÿ])")
# two letters for a compound first name: `Pj. Dugave`, `Jf. Martin`
_TWO_LETTERS = re.compile(
    rf"(?<![\w.’'-])(?P<ini>[{_UP}][bcdfghjklmnpqrstvwxz]\.)[ \u00a0](?=[{_UP}])"
)
# Two-letter abbreviations that are not a first name's initials.
_NOT_TWO_LETTERS = frozenset(
    {"Dr.", "Pr.", "Mr.", "Ms.", "St.", "Cf.", "Vs.", "Bd.", "Fg.", "Nb.", "Ps.", "Mt.", "Tél."}
)
# a first name then initials: `Prune V.`, `Margaux L.-D.`
_NAME_INITIAL = re.compile(
    rf"(?<![\w’'-])(?P<name>[{_UP}][\w’'-]+)[ \u00a0](?P<ini>{_GROUP})(?![\w.-])"
)
# initials only, two groups or more with spaces: `A. K.-L. B.`, `J.-P. M.`
_INITIALS_ONLY = re.compile(rf"(?<![\w.’'-]){_GROUP}(?:[ \u00a0]{_GROUP})+(?![\w-])")
# one initial standing alone, not followed by a name: `avec K.`, `Mimi / K.`
_LONE_INITIAL = re.compile(rf"(?<![\w.’'-])[{_UP}]\.(?![\w.-])(?![ \u00a0]+[{_UP}][\w’'-])")
# a compound first name's initials standing alone: `selon M.-W.`, `J.-P. culpabilise`
_LONE_COMPOUND = re.compile(rf"(?<![\w.’'-])[{_UP}]\.-[{_UP}]\.(?![\w.-])")
# A lone initial names someone when the note uses it this many times; once, it
# is as likely a list item (`A.`), a roman numeral or an abbreviation.
LONE_REPEATS = 2
# Lower-case words after which a lone initial is still a person (`avec K.`).
_BEFORE_A_PERSON = frozenset(
    {"avec", "selon", "chez", "pour", "entre", "sans", "vers", "contre", "par", "que", "dit"}
)
# Dotted abbreviations that are not initials of a person.
_NOT_INITIALS = frozenset({"M.", "N.B.", "P.S.", "P.-S.", "C.V.", "S.A.", "J.O.", "T.S.V.P."})
# A compound first name's initials alone after a comma or a relation word:
# `un ancien collègue, J.-P.`; never `av. J.-C.` (a date).
_ERA = frozenset({"av", "apr", "avant", "après"})
# Initials in brackets right after a capitalized name: "Jean-Pierre Martin (J.-P.)",
# "Sophie Duchemin (SD, directrice financière)".
_BRACKETED = re.compile(
    rf"(?P<name>[{_UP}][\w’'-]+(?:[ \u00a0][{_UP}][\w’'-]+){{1,2}})[ \u00a0]*\("
    rf"(?P<ini>[{_UP}]\.?(?:-?[{_UP}]\.?){{1,3}})(?=[),;])"
)
# A capitalized word after initials that is a town of this size is the town
# (`C. Paris`, `A. Nancy`), a smaller commune may be a surname (`J.-C. Morvillers`).
TOWN = 10_000


# Once is enough for a lone initial that titles a section ("## 2. B. — « la fusée »")
# or stands beside a name ("Josette / J.", "avec Paul et K.").
_HEADED = re.compile(r"(?:^|\n)#{1,6}[ \t]+(?:\d+[.)][ \t]+)?$")
_BESIDE_A_NAME = re.compile(rf"[{_UP}][\w’'-]+[ \u00a0]*(?:/|&|\bet\b)[ \u00a0]*$")


def _cued(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 40) : m.start()]
    return bool(_HEADED.search(before) or _BESIDE_A_NAME.search(before))


def _after_era(text: str, start: int) -> bool:
    """`52 av. J.-C.`: Jesus Christ in a date, not a person's initials."""
    before = text[max(0, start - 8) : start].rstrip(" \u00a0.").rsplit(" ", 1)[-1]
    return fold(before) in _ERA


# `M. D.` stands for someone, not for `Monsieur D.`, after a role or a relation
# (`ma patiente M. D.`), before the name in brackets (`M. D. (DELORME Mathilde)`)
# or among other initials (`S. R. / P. A. / M. D.`).
_ROLE_BEFORE = re.compile(r"(?P<role>[a-zà-ÿ][\w’'-]+)[ \u00a0]+$")
_LIST_AROUND = re.compile(rf"^[ \u00a0]*(?:/|,|;|et)[ \u00a0]*{_GROUP}[ \u00a0]{_GROUP}")


class InitialsRecognizer(NameRecognizer):
    """PERSON for initials, abbreviated first names and abbreviated surnames."""

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        found: list[RecognizerResult] = []
        ws = words(text)
        by_start = {w.start: k for k, w in enumerate(ws)}
        initial_surname = [*_INITIAL_SURNAME.finditer(text), *_GLUED.finditer(text)]
        initial_surname += [
            m for m in _TWO_LETTERS.finditer(text) if m.group("ini") not in _NOT_TWO_LETTERS
        ]
        for m in initial_surname:
            if m.group("ini") in _NOT_INITIALS or _after_era(text, m.start()):
                continue
            k = by_start.get(m.end())
            if k is None:
                continue
            end = surname_end(ws, k, text)
            if end == k and (
                self._surname_elsewhere(ws[k].text, text, m.start()) or self._unknown(ws[k])
            ):
                end = k + 1
            if end > k:
                found.append(result(self, m.start(), ws[end - 1].end, 0.85, part="initials"))
        for m in _NAME_INITIAL.finditer(text):
            entry = first_name(m.group("name"))
            if entry is None or fold(m.group("name")) in stop_words():
                continue
            found.append(
                result(self, m.start(), m.end(), 0.85, gender=entry.gender, part="initials")
            )
        for m in _INITIALS_ONLY.finditer(text):
            span = m.group()
            if span.replace(" ", "").replace("\u00a0", "") in _NOT_INITIALS:
                continue
            if span.startswith("M. ") and span.count(".") == 2 and not self._stands_for(text, m):
                continue  # `M. B.` is a title then an initial
            found.append(result(self, m.start(), m.end(), 0.75, part="initials"))
        # a compound ("J.-P.", "M.-W.") is a person's initials even alone and once:
        # no list item, numeral or abbreviation is written that way
        for m in _LONE_COMPOUND.finditer(text):
            if _after_era(text, m.start()) or any(
                r.start <= m.start() and m.end() <= r.end for r in found
            ):
                continue  # `avant J.-C.`; part of `A. K.-L. B.`, `Margaux L.-D.`
            before = text[max(0, m.start() - 30) : m.start()].rstrip()
            word = before.rsplit(maxsplit=1)[-1] if before else ""
            cued = before.endswith(",") or fold(word) in relation_words()
            found.append(result(self, m.start(), m.end(), 0.75 if cued else 0.7, part="initials"))
        found.extend(self._lone_initials(text))
        for m in _BRACKETED.finditer(text):
            ini = m.group("ini")
            letters = "".join(c for c in ini if c.isalpha())
            named = "".join(w[0] for w in re.split(r"[ \u00a0-]+", m.group("name")) if w)
            # dotted initials, or the capitals of the name right before ("Sophie
            # Duchemin (SD, DAF)"); never a role in capitals ("Paul Roux (DRH)")
            if "." in ini or letters == named.upper():
                hit = result(self, m.start("ini"), m.end("ini"), 0.8, part="initials")
                if org_suffix(m.group("name")) or org_head(m.group("name")):
                    # "Lumeo Robotics (LR)": the company's acronym, not a person's initials
                    hit.entity_type = "ORG"
                    hit.recognition_metadata.pop("part", None)
                found.append(hit)
        return found

    @staticmethod
    def _unknown(w: Word) -> bool:
        """A capitalized word after initials that no lexicon explains is a surname
        (`T. Willemot`, `J.-C. Morvillers`); `A. Contexte`, `B. Objectifs` (a list)
        and `C. Paris` are not."""
        return (
            is_title(w.text)
            and len(w.text) > 2
            and fold(w.text) not in stop_words()
            and not is_ordinary_word(w.text)
            and place_population(w.text) < TOWN
        )

    @staticmethod
    def _stands_for(text: str, m: re.Match) -> bool:
        """`M. D.` names someone: after a role word, before a name in brackets, in a
        list of initials."""
        before = _ROLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before and fold(before.group("role")) in person_words():
            return True
        if re.match(r"[ \u00a0]*\([ \u00a0]*[A-ZÀ-Ý]", text[m.end() : m.end() + 4]):
            return True
        if _LIST_AROUND.match(text, m.end()):
            return True
        tail = text[max(0, m.start() - 12) : m.start()]
        return bool(re.search(rf"{_GROUP}[ \u00a0]{_GROUP}[ \u00a0]*(?:/|,|;|et)[ \u00a0]*$", tail))

    def _lone_initials(self, text: str) -> list[RecognizerResult]:
        """`K.` for a client in supervision notes: one letter, used again and again."""
        seen: dict[str, list[re.Match]] = {}
        for m in _LONE_INITIAL.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if m.group() in _NOT_INITIALS or re.search(rf"[{_UP}][\w’'-]+[ \u00a0]$", before):
                continue  # `M.` is a title; `Prune V.` is the name-initial shape above
            noun = re.search(r"(?<![\w’'-])([a-zà-ÿ][\w’'-]{2,})[ \u00a0]$", before)
            if noun and noun.group(1) not in _BEFORE_A_PERSON:
                continue  # `vitamine D.`, `permis B.`, `plan B.`: a letter naming a thing
            seen.setdefault(m.group(), []).append(m)
        return [
            result(self, m.start(), m.end(), 0.6, part="initials")
            for matches in seen.values()
            if len(matches) >= LONE_REPEATS or any(_cued(text, m) for m in matches)
            for m in matches
        ]

    @staticmethod
    def _surname_elsewhere(word: str, text: str, before: int) -> bool:
        """`S. Rigal` when `Solène Rigal` or `Mme Rigal` appears in the note too."""
        if not word[:1].isupper() or fold(word) in stop_words():
            return False
        pattern = re.compile(rf"[{_UP}][\w’'-]+[ \u00a0]{re.escape(word)}\b")
        return any(
            first_name(m.group().split()[0]) or is_surname(word) for m in pattern.finditer(text)
        )
