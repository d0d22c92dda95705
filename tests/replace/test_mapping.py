"""The encrypted mapping: consistency across runs, reveal, refusal of bad keys."""

from __future__ import annotations

import stat

from click.testing import CliRunner

from anonymize.cli import main

NOTE = "Séance avec Julien Marchand à Annecy. Écrire à julien.marchand@gmail.com.\n"
ENV = {"ANONYMIZE_PASSPHRASE": "correct horse battery staple"}


def _run(args, env=ENV, input=None):
    return CliRunner().invoke(main, args, env=env, input=input)


def test_round_trip_same_output_and_reveal(tmp_path):
    mapping = tmp_path / "secret" / "mapping.bin"
    first = _run(["text", "--mapping", str(mapping)], input=NOTE)
    assert first.exit_code == 0, first.output
    # a different seed cannot change what the mapping already decided
    second = _run(["text", "--mapping", str(mapping), "--seed", "99"], input=NOTE)
    assert second.output == first.output
    assert stat.S_IMODE(mapping.stat().st_mode) == 0o600
    raw = mapping.read_bytes()
    for secret in (b"Julien", b"Marchand", b"Annecy", b"julien"):
        assert secret not in raw
    published = tmp_path / "public.md"
    published.write_text(first.output, encoding="utf-8")
    revealed = _run(["reveal", str(published), "--mapping", str(mapping)])
    assert revealed.exit_code == 0
    assert "Julien Marchand" in revealed.output and "Annecy" in revealed.output
    assert "julien.marchand@gmail.com" in revealed.output


def test_batch_twice_with_a_mapping_is_byte_identical(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "a.md").write_text(NOTE, encoding="utf-8")
    (src / "b.md").write_text("Marchand rappelle depuis Annecy.\n", encoding="utf-8")
    mapping = tmp_path / "mapping.bin"
    assert (
        _run(["batch", str(src), "-o", str(tmp_path / "o1"), "--mapping", str(mapping)]).exit_code
        == 0
    )
    (src / "c.md").write_text("Nouvelle note : Julien va mieux.\n", encoding="utf-8")
    assert (
        _run(["batch", str(src), "-o", str(tmp_path / "o2"), "--mapping", str(mapping)]).exit_code
        == 0
    )
    for name in ("a.md", "b.md"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()
    first_name = (tmp_path / "o1" / "a.md").read_text(encoding="utf-8").split("avec ")[1].split()[0]
    assert first_name in (tmp_path / "o2" / "c.md").read_text(encoding="utf-8")
    revealed = _run(["reveal", str(tmp_path / "o1" / "a.md"), "--mapping", str(mapping)])
    assert "Julien Marchand" in revealed.output and "Annecy" in revealed.output


def test_wrong_passphrase_and_tampered_file_are_refused(tmp_path):
    mapping = tmp_path / "mapping.bin"
    assert _run(["text", "--mapping", str(mapping)], input=NOTE).exit_code == 0
    wrong = _run(
        ["text", "--mapping", str(mapping)], env={"ANONYMIZE_PASSPHRASE": "nope"}, input=NOTE
    )
    assert wrong.exit_code == 1
    assert "wrong passphrase" in wrong.output
    data = bytearray(mapping.read_bytes())
    data[-5] ^= 0x01
    mapping.write_bytes(bytes(data))
    tampered = _run(["text", "--mapping", str(mapping)], input=NOTE)
    assert tampered.exit_code == 1
    assert "modified" in tampered.output


def test_mapping_inside_the_output_folder_is_refused(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "a.md").write_text(NOTE, encoding="utf-8")
    dst = tmp_path / "public"
    result = _run(["batch", str(src), "-o", str(dst), "--mapping", str(dst / "m.bin")])
    assert result.exit_code == 2
    assert "secret" in result.output
    assert not (dst / "m.bin").exists()
