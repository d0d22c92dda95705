"""The registry finds every recognizer, whatever subpackage it lives in."""

from __future__ import annotations

import recognizers

# The recognizers found before they were grouped by kind, in the order the
# engine ran them (module name order); the move must neither lose one nor
# reorder them.
BEFORE_THE_MOVE = [
    "FrenchAgeRecognizer",
    "CapsSurnameRecognizer",
    "CustomPatternRecognizer",
    "FrenchDateRecognizer",
    "DenyListRecognizer",
    "DictatedEmailRecognizer",
    "EmailRecognizer",
    "FirstNameRecognizer",
    "HouseholdNameRecognizer",
    "IbanRecognizer",
    "InitialsRecognizer",
    "KnownOrgRecognizer",
    "LicencePlateRecognizer",
    "NicknameRecognizer",
    "NirRecognizer",
    "ChezOrgRecognizer",
    "OrgHeadNounRecognizer",
    "OrgLegalFormRecognizer",
    "PhoneRecognizer",
    "PlaceGazetteerRecognizer",
    "PlaceVenueRecognizer",
    "FrenchPostalCityRecognizer",
    "FrenchPostalCodeRecognizer",
    "ReferenceNumberRecognizer",
    "RelationNameRecognizer",
    "SirenSiretRecognizer",
    "FrenchSpacyRecognizer",
    "SpeakerLabelRecognizer",
    "SpelledPhoneRecognizer",
    "FrenchStreetAddressRecognizer",
    "SubjectNameRecognizer",
    "TitleNameRecognizer",
    "UrlRecognizer",
    "VatRecognizer",
]

# Recognizers added since, each in its kind's subpackage.
ADDED_SINCE = [
    "DepartmentCodeRecognizer",
    "DictatedDateRecognizer",
    "DictatedNameRecognizer",
    "DictatedNirRecognizer",
    "DigitRunRecognizer",
    "LowerCaseTownRecognizer",
    "OrgAppositionRecognizer",
    "OddPhoneRecognizer",
    "SpacedEmailRecognizer",
    "RoleNameRecognizer",
    "SpokenStreetRecognizer",
    "SurnameInitialsRecognizer",
    "DepartmentNumberOrgRecognizer",
]

KINDS = {
    "people",
    "places",
    "organisations",
    "contacts",
    "numbers",
    "dates",
    "statistical",
    "user",
}


def test_the_same_recognizers_are_found_as_before_the_move():
    found = [cls.__name__ for cls in recognizers.recognizer_classes()]
    assert set(found) == set(BEFORE_THE_MOVE) | set(ADDED_SINCE)
    # same order: the engine runs them as before
    assert [name for name in found if name in BEFORE_THE_MOVE] == BEFORE_THE_MOVE


def test_every_recognizer_lives_in_a_kind_subpackage():
    for cls in recognizers.recognizer_classes():
        parts = cls.__module__.split(".")
        assert len(parts) == 3 and parts[1] in KINDS, cls.__module__


def test_build_all_builds_every_recognizer_that_needs_no_config():
    built = {type(r).__name__ for r in recognizers.build_all()}
    everything = set(BEFORE_THE_MOVE) | set(ADDED_SINCE)
    assert built == everything - {"DenyListRecognizer", "CustomPatternRecognizer"}
