"""The canonical view detection reads, and its way back to the original's offsets."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from anonymize.detect.canonical import canonical, canonical_view, capitals
from anonymize.entities import Entity

ZW = "\u200b"


def _entity(text: str, start: int, end: int) -> Entity:
    return Entity(start, end, "PERSON", text[start:end])


def test_a_plain_note_is_its_own_view():
    for text in ("Séance avec Julien Marchand à Annecy, très bien.\n", "plain ascii\n", ""):
        view = canonical_view(text)
        assert view.text is text and view.identical and not view.clusters
        e = _entity(text, 0, 4)
        assert view.restore([e]) == [e] and view.to_view([e]) == [e]


def test_invisible_characters_are_removed_and_spans_cover_them():
    text = f"Tél : 06{ZW}12{ZW}34\u206056\u00ad78, Ca{ZW}mille\ufeff."
    view = canonical_view(text)
    assert view.text == "Tél : 0612345678, Camille."
    phone = view.text.index("0612")
    (restored,) = view.restore([_entity(view.text, phone, phone + 10)])
    assert restored.text == f"06{ZW}12{ZW}34\u206056\u00ad78"
    assert text[restored.start : restored.end] == restored.text
    name = view.text.index("Camille")
    (restored,) = view.restore([_entity(view.text, name, name + 7)])
    assert restored.text == f"Ca{ZW}mille", "an invisible character after the span stays out"


def test_decomposed_accents_are_composed_and_map_to_whole_characters():
    text = unicodedata.normalize("NFD", "Séance avec Hélène Garnier.")
    view = canonical_view(text)
    assert view.text == "Séance avec Hélène Garnier."
    start = view.text.index("Hélène")
    (restored,) = view.restore([_entity(view.text, start, start + 6)])
    assert restored.text == "He\u0301le\u0300ne"
    # one letter of the view is both letters of the original, accent included
    (accent,) = view.restore([_entity(view.text, start + 1, start + 2)])
    assert accent.text == "e\u0301"


def test_compatibility_forms_and_spaces_are_folded_french_punctuation_is_not():
    text = "ＣＡＭＩＬＬＥ\u00a0ｌｅｆｅｂｖｒｅ＠ｇｍａｉｌ．ｃｏｍ\u202f: « ﬁn » l’été… "
    text += "nº 3, 1ᵉʳ\u2028x\u2011y"
    assert canonical(text) == "CAMILLE lefebvre@gmail.com : « fin » l’été… nº 3, 1er\nx-y"
    math = "le \U0001d402\U0001d400\U0001d40c a dit"  # mathematical bold C A M
    assert canonical(math) == "le CAM a dit"


def test_a_folded_letter_composes_with_the_accent_after_it():
    assert canonical("Ａｂｉｇａｅ\u0308ｌ") == "Abigaël"  # NFC already, but not once folded


def test_a_span_inside_an_expansion_takes_the_whole_original_character():
    text = "La ﬁne équipe"
    view = canonical_view(text)
    assert view.text == "La fine équipe"
    (restored,) = view.restore([_entity(view.text, 4, 8)])  # "ine " starts inside "ﬁ"
    assert restored.text == "ﬁne "


def test_lines_in_capitals_are_read_with_their_case_given_back():
    assert capitals("CAMILLE LEFEBVRE – SÉANCE 3") == "Camille Lefebvre – séance 3"
    assert (
        capitals("NOTE : APPELER CAMILLE LEFEBVRE AU 06 12 34 56 78")
        == "Note : appeler Camille Lefebvre au 06 12 34 56 78"
    )
    assert capitals("RDV AVEC M. DUPONT") == "RDV avec M. Dupont"
    assert capitals("YANNICK LE BRAS, SIGNÉ") == "Yannick Le Bras, signé"
    assert capitals("| NOM | LE BRIS |") == "| Nom | Le Bris |"


def test_headings_in_capitals_become_ordinary_words():
    """A line of ordinary words only is given wholly in lower case (no capital for
    the model to take for a name); one with a name gets its sentence capitals."""
    assert capitals("BILAN DE FIN D'ACCOMPAGNEMENT") == "bilan de fin d'accompagnement"
    assert capitals("COMPTE RENDU - COACHING D'ÉQUIPE") == "compte rendu - coaching d'équipe"
    assert capitals("RAS.") == "ras."
    assert capitals("PUIS DEUX TOURS DU TAPIS") == "puis deux tours du tapis"
    assert capitals("TOURNOI DE TOURS (PARIS, SAMEDI)") == "Tournoi de Tours (Paris, samedi)"
    assert capitals("## 2. K. — « LA PETITE FUSÉE »") == "## 2. K. — « La petite fusée »"
    assert capitals("M. ET MME DE VILLENEUVE") == "M. et Mme de Villeneuve"


def test_acronyms_addresses_and_placeholders_keep_their_capitals():
    line = "SIRET 519 472 682 00011 - TVA FR53519472682 - IBAN FR76 AU CHU"
    assert capitals(line) == "SIRET 519 472 682 00011 - TVA FR53519472682 - IBAN FR76 au CHU"
    line = "ÉCRIRE À CLAIRE.F@GMAIL.COM OU [PERSONNE_3] (LINKEDIN.COM/IN/CF)"
    assert capitals(line) == "Écrire à CLAIRE.F@GMAIL.COM ou [PERSONNE_3] (LINKEDIN.COM/IN/CF)"


def test_mixed_lines_are_left_alone():
    for line in ("Victoire AKONO, 19 ans", "Séance avec VIDAL Anaïs et Paul", "RAS, vu CAF"):
        assert capitals(line) == line


_PIECES = st.sampled_from(
    ["a", "é", "e\u0301", ZW, "\u00ad", "\ufeff", "\u00a0", " ", "Ｃ", "ﬁ", "\u2028", "\n", "Z",
     "ᵉ", "«", "’", "1", "\u2060", "A\u030a", "\u212b"]
)  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(_PIECES, max_size=30), st.data())
def test_every_view_span_maps_back_to_whole_original_characters(pieces, data):
    text = "".join(pieces)
    view = canonical_view(text)
    assert unicodedata.is_normalized("NFC", view.text)
    if not view.text:
        return
    start = data.draw(st.integers(0, len(view.text) - 1))
    end = data.draw(st.integers(start + 1, len(view.text)))
    (restored,) = view.restore([_entity(view.text, start, end)])
    assert 0 <= restored.start < restored.end <= len(text)
    assert text[restored.start : restored.end] == restored.text
    # what the original span reads as covers at least what was found on the view
    assert view.text[start:end] in canonical(restored.text) or restored.text.isupper()
    (back,) = view.to_view([restored])
    assert back.start <= start and end <= back.end
