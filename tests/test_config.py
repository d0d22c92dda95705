"""anonymize.toml: deny-list, allow-list, custom patterns, and clear errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from anonymize import Config, ConfigError, detect_text
from anonymize.cli import main
from anonymize.config import find_config, parse_config


def _parse(text: str) -> Config:
    return parse_config(text, __import__("pathlib").Path("anonymize.toml"))


@pytest.mark.parametrize(
    ("toml", "key", "line"),
    [
        ('[anonymize]\nstyle = "pseudonyme"\n', "anonymize.style", 2),
        ("[anonymize]\nthreshold = 2\n", "anonymize.threshold", 2),
        ('[anonymize]\n\nmax_size_mb = "5"\n', "anonymize.max_size_mb", 3),
        ('[lists]\ndeny = "Julien"\n', "lists.deny", 2),
        ("[lists]\nallow = [1, 2]\n", "lists.allow", 2),
        (
            '[[recognizers]]\nname = "dossier"\nentity = "ID"\nregex = "D-(\\\\d+"\n',
            "recognizers[0].regex",
            4,
        ),
        (
            '[[recognizers]]\nname = "x"\nentity = "SECRET"\nregex = "x"\n',
            "recognizers[0].entity",
            3,
        ),
        ('[anonymize]\ncolour = "red"\n', "anonymize.colour", 2),
        ("[listes]\ndeny = []\n", "listes", None),
    ],
)
def test_bad_config_names_the_key_and_the_line(toml, key, line):
    with pytest.raises(ConfigError) as err:
        _parse(toml)
    message = str(err.value)
    assert f"key '{key}'" in message
    if line:
        assert f"anonymize.toml:{line}:" in message


def test_invalid_toml_is_reported_with_its_position():
    with pytest.raises(ConfigError, match="invalid TOML"):
        _parse("[anonymize\nstyle = 1")


def test_bad_config_through_the_cli_is_a_usage_error(tmp_path):
    config = tmp_path / "anonymize.toml"
    config.write_text('[anonymize]\nstyle = "flou"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["text", "--config", str(config)], input="Bonjour.")
    assert result.exit_code == 2
    assert "anonymize.style" in result.output and "anonymize.toml:2" in result.output


def test_config_is_found_beside_the_notes_or_in_a_parent(tmp_path):
    (tmp_path / "anonymize.toml").write_text("[anonymize]\nseed = 3\n", encoding="utf-8")
    deep = tmp_path / "clients" / "2025"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "anonymize.toml").resolve()


def test_deny_list_catches_what_no_recognizer_would():
    config = _parse('[lists]\ndeny = ["Kiki", "la Brocante du Port"]\n')
    found = {
        e.text
        for e in detect_text("Kiki est passée à la Brocante du Port, puis kiki a ri.", config)
    }
    assert {"Kiki", "kiki", "la Brocante du Port"} <= found


def test_allow_list_keeps_references_and_tools():
    text = (
        "Elle relit Carl Rogers et Marshall Rosenberg, "
        "puis se connecte sur Zoom avec Julien Marchand."
    )
    found = {e.text for e in detect_text(text)}
    assert "Julien Marchand" in found
    assert not found & {"Carl Rogers", "Marshall Rosenberg", "Zoom"}
    custom = _parse('[lists]\nallow = ["Julien Marchand"]\n')
    assert "Julien Marchand" not in {e.text for e in detect_text(text, custom)}


def test_custom_pattern_recognizer_with_context():
    config = _parse(
        '[[recognizers]]\nname = "dossier_coach"\nentity = "ID"\n'
        'regex = "\\\\bK\\\\d{4}\\\\b"\ncontext = ["dossier"]\nscore = 0.2\n'
    )
    with_context = detect_text("Voir le dossier K1234 avant la séance.", config)
    without = detect_text("La salle K1234 est au fond.", config)
    assert ("ID", "K1234") in {(e.type, e.text) for e in with_context}
    assert "K1234" not in {e.text for e in without}


def test_an_allowed_reference_is_kept_even_when_its_words_name_someone_else():
    text = "André Vidal est passé. Il lit Christophe André le soir."
    found = {e.text for e in detect_text(text)}
    assert "André Vidal" in found
    assert "André" not in found and "Christophe André" not in found


def test_deny_list_beats_allow_list():
    config = _parse('[lists]\ndeny = ["Rosenberg", "Zoom"]\n')
    found = {e.text for e in detect_text("Mme Rosenberg se connecte sur Zoom.", config)}
    assert {"Rosenberg", "Zoom"} <= found


def test_a_first_name_glued_to_a_place_is_not_left_in_clear():
    found = {e.text for e in detect_text("Elle vit près du Cours Julien à Marseille.")}
    assert any("Julien" in f for f in found)
