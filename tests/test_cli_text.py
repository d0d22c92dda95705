"""`anonymize text`: one note from a file or stdin, through the real pipeline."""

from __future__ import annotations

import re

from click.testing import CliRunner

from anonymize import __version__
from anonymize.cli import main

from .helpers import NOTE_A


def test_pipe_example_from_the_issue_leaks_nothing():
    result = CliRunner().invoke(main, ["text"], input="Julien Marchand habite à Annecy.")
    assert result.exit_code == 0, result.output
    for secret in ("Julien", "Marchand", "Annecy"):
        assert secret not in result.output
    assert "habite" in result.output


def test_dash_reads_stdin_and_file_reads_file(tmp_path):
    note = tmp_path / "seance.md"
    note.write_text(NOTE_A, encoding="utf-8")
    from_file = CliRunner().invoke(main, ["text", str(note), "--style", "redact"])
    from_stdin = CliRunner().invoke(main, ["text", "-", "--style", "redact"], input=NOTE_A)
    assert from_file.exit_code == 0 and from_stdin.exit_code == 0
    assert from_file.output == from_stdin.output
    assert "Julien" not in from_file.output and "Marchand" not in from_file.output


def test_output_option_writes_the_file_and_nothing_on_stdout(tmp_path):
    out = tmp_path / "public.md"
    result = CliRunner().invoke(main, ["text", "-o", str(out)], input=NOTE_A)
    assert result.exit_code == 0
    assert result.output == ""
    written = out.read_text(encoding="utf-8")
    assert "Marchand" not in written and "julien.marchand@gmail.com" not in written


def test_redact_placeholders_are_consistent_within_a_note():
    text = "Claire Dupont appelle. Claire Dupont rappelle. Paul Girard attend."
    result = CliRunner().invoke(main, ["text", "--style", "redact"], input=text)
    labels = re.findall(r"\[PERSONNE_\d+\]", result.output)
    assert labels[0] == labels[1] != labels[2]


def test_cp1252_note_is_decoded_and_anonymized(tmp_path):
    note = tmp_path / "vieille.txt"
    note.write_bytes("Élodie Ferrand est arrivée à Grenoble, très émue.".encode("cp1252"))
    result = CliRunner().invoke(main, ["text", str(note)])
    assert result.exit_code == 0
    assert "Ferrand" not in result.output
    assert "très émue" in result.output


def test_binary_and_empty_files_get_one_clear_line(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    empty = tmp_path / "vide.md"
    empty.write_text("", encoding="utf-8")
    for path, reason in ((binary, "binary"), (empty, "empty")):
        result = CliRunner().invoke(main, ["text", str(path)])
        assert result.exit_code == 1
        assert reason in result.output
        assert "Traceback" not in result.output


def test_version_and_french_examples_in_help():
    runner = CliRunner()
    assert __version__ in runner.invoke(main, ["--version"]).output
    for command in ([], ["text"], ["detect"], ["batch"], ["check"], ["review"], ["reveal"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Exemple" in result.output


def test_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(main, ["text", "--frobnicate"])
    assert result.exit_code == 2
    assert "No such option" in result.output


def test_output_never_overwrites_the_input_nor_an_existing_file(tmp_path):
    note = tmp_path / "seance.md"
    note.write_text(NOTE_A, encoding="utf-8")
    same = CliRunner().invoke(main, ["text", str(note), "-o", str(note)])
    assert same.exit_code == 2
    assert note.read_text(encoding="utf-8") == NOTE_A
    out = tmp_path / "public.md"
    out.write_text("déjà là", encoding="utf-8")
    refused = CliRunner().invoke(main, ["text", str(note), "-o", str(out)])
    assert refused.exit_code == 2 and out.read_text(encoding="utf-8") == "déjà là"
    forced = CliRunner().invoke(main, ["text", str(note), "-o", str(out), "--force"])
    assert forced.exit_code == 0 and "Marchand" not in out.read_text(encoding="utf-8")
