"""Word files through `batch`: every place text hides is anonymized, formatting kept.

The test document is built with python-docx itself and written to disk; the
parts python-docx cannot create (footnotes, custom properties, a tracked
deletion, a mailto: hyperlink) are added at the XML level, as Word writes them.
"""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from anonymize.cli import main
from anonymize.io.reader import read_note
from anonymize.publish.check import Gate

SECRETS = ("julien", "marchand", "claire", "dupont", "annecy", "14 mars")
PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
FOOTNOTES = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:t xml:space="preserve"> Julien Marchand me l\'a redit à Annecy.</w:t></w:r>'
    "</w:p></w:footnote></w:footnotes>"
)
CUSTOM = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client">'
    "<vt:lpwstr>Julien Marchand</vt:lpwstr></property></Properties>"
)
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def build_note(path: Path) -> None:
    d = docx.Document()
    core = d.core_properties
    core.author, core.last_modified_by = "Julien Marchand", "Claire Dupont"
    core.title, core.subject = "Notes de Julien Marchand", "Coaching Marchand"
    core.keywords, core.comments = "Marchand; Annecy", "Client : Julien Marchand"

    p = d.add_paragraph("Séance avec ")
    p.add_run("Jul").bold = True
    p.add_run("ien Marchand").italic = True
    p.add_run(" à Annecy, le 14 mars 2025.")
    d.add_comment(p.runs[1], text="Rappeler Julien Marchand", author="Claire Dupont", initials="CD")

    link = d.add_paragraph("Contact : ")
    r_id = link.part.relate_to("mailto:julien.marchand@gmail.com", RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "écrire à Julien"
    run.append(text)
    hyperlink.append(run)
    link._p.append(hyperlink)

    tracked = d.add_paragraph("Sa femme, Claire Dupont, ")
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="7" w:author="Julien Marchand" '
            'w:date="2025-03-14T10:00:00Z">'
            "<w:r><w:delText>Claire Marchand,</w:delText></w:r></w:del>"
        )
    )
    tracked.add_run(" l'encourage.")
    note = d.add_paragraph("Voir la note")
    note.add_run()._r.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="1"/>'))

    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Client", "Julien Marchand"
    table.cell(1, 0).text, table.cell(1, 1).text = "Épouse", "Claire Dupont"

    shape = d.add_picture(io.BytesIO(PNG_1PX))
    shape._inline.docPr.set("descr", "Photo de Julien Marchand à Annecy")
    section = d.sections[0]
    section.header.paragraphs[0].text = "Dossier Marchand — confidentiel"
    section.footer.paragraphs[0].text = "Julien Marchand, Annecy"

    package = d.part.package
    footnotes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES.encode(), package)
    d.part.relate_to(footnotes, RT.FOOTNOTES)
    custom = Part(PackURI("/docProps/custom.xml"), CUSTOM_CT, CUSTOM.encode(), package)
    package.relate_to(custom, RT.CUSTOM_PROPERTIES)
    app = next(p for p in package.iter_parts() if p.partname == "/docProps/app.xml")
    app._blob = app.blob.replace(
        b"</Properties>", b"<Company>Marchand Conseil</Company></Properties>"
    )
    d.save(path)


def xml_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {
            n: z.read(n).decode("utf-8", "replace")
            for n in z.namelist()
            if n.endswith(".xml") or n.endswith(".rels")
        }


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("docx")
    src = root / "notes"
    src.mkdir()
    build_note(src / "seance.docx")
    (src / "~$seance.docx").write_bytes(b"\x00lock file of an open document")
    (src / "autre.md").write_text("Deuxième séance : Julien arrive en retard.\n", encoding="utf-8")
    dst, report = root / "out", root / "report.json"
    result = CliRunner().invoke(
        main, ["batch", str(src), "-o", str(dst), "--style", "redact", "--report", str(report)]
    )
    return src, dst, result, json.loads(report.read_text(encoding="utf-8"))


def test_source_document_really_holds_the_secrets_everywhere(batch_run):
    src, *_ = batch_run
    parts = xml_parts(src / "seance.docx")
    names = ["word/document.xml", "word/footnotes.xml", "word/comments.xml", "word/header1.xml"]
    names += ["word/footer1.xml", "docProps/core.xml", "docProps/custom.xml", "docProps/app.xml"]
    for name in [*names, "word/_rels/document.xml.rels"]:
        assert "Marchand" in parts[name] or "marchand" in parts[name], name


def test_batch_takes_docx_and_skips_word_lock_files(batch_run):
    _, dst, result, report = batch_run
    assert result.exit_code == 0, result.output
    status = {f["source"]: (f["status"], f["reason"]) for f in report["files"]}
    assert status == {
        "autre.md": ("ok", None),
        "seance.docx": ("ok", None),
        "~$seance.docx": ("skipped", "Word lock file"),
    }
    assert (dst / "seance.docx").is_file()


def test_no_secret_left_in_any_part_of_the_output(batch_run):
    _, dst, *_ = batch_run
    parts = xml_parts(dst / "seance.docx")
    assert "word/footnotes.xml" in parts and "word/comments.xml" in parts
    for name, xml in parts.items():
        for secret in SECRETS:
            assert secret not in xml.lower(), (name, secret)
    assert not any(
        n.startswith("docProps/thumbnail") for n in zipfile.ZipFile(dst / "seance.docx").namelist()
    )


def test_name_split_across_runs_keeps_every_run_and_its_formatting(batch_run):
    src, dst, *_ = batch_run
    before = docx.Document(src / "seance.docx").paragraphs[0].runs
    runs = docx.Document(dst / "seance.docx").paragraphs[0].runs
    formats = [(r.bold, r.italic, r.style.name) for r in runs]
    assert formats == [(r.bold, r.italic, r.style.name) for r in before]
    bold = next(i for i, r in enumerate(before) if r.bold)
    italic = next(i for i, r in enumerate(before) if r.italic)
    assert before[bold].text == "Jul" and before[italic].text == "ien Marchand"
    assert runs[0].text == "Séance avec "
    assert re.fullmatch(r"\[PERSONNE_\d+\]", runs[bold].text), (
        "the replacement goes in the first run"
    )
    assert runs[italic].text == ""
    tail = "".join(r.text for r in runs[italic + 1 :])
    assert re.fullmatch(r" à \[LIEU_\d+\], le \[DATE_\d+\]\.", tail)


def test_tables_headers_footers_comments_footnotes_and_links_are_anonymized(batch_run):
    _, dst, *_ = batch_run
    out = docx.Document(dst / "seance.docx")
    assert out.tables[0].cell(0, 0).text == "Client"
    assert re.fullmatch(r"\[PERSONNE_\d+\]", out.tables[0].cell(0, 1).text)
    assert out.sections[0].header.paragraphs[0].text.endswith("— confidentiel")
    assert "[" in out.sections[0].footer.paragraphs[0].text
    comment = next(iter(out.comments))
    assert comment.author == "Auteur" and comment.initials == "A"
    assert comment.text.startswith("Rappeler [PERSONNE_")
    targets = [r.target_ref for r in out.part.rels.values() if r.reltype == RT.HYPERLINK]
    assert targets and all(t.startswith("mailto:[EMAIL_") for t in targets)
    footnotes = xml_parts(dst / "seance.docx")["word/footnotes.xml"]
    assert "me l'a redit à [LIEU_" in footnotes


def test_metadata_is_cleared_or_anonymized(batch_run):
    _, dst, *_ = batch_run
    core = docx.Document(dst / "seance.docx").core_properties
    assert core.author == "" and core.last_modified_by == ""
    assert core.title.startswith("Notes de [PERSONNE_") and "[" in core.subject
    assert core.created is None and core.modified is None
    parts = xml_parts(dst / "seance.docx")
    assert "<vt:lpwstr></vt:lpwstr>" in parts["docProps/custom.xml"].replace(
        "<vt:lpwstr/>", "<vt:lpwstr></vt:lpwstr>"
    )
    assert 'name="Client"' in parts["docProps/custom.xml"], "property names are kept"


def test_the_gate_flags_the_source_and_passes_the_output(batch_run):
    src, dst, *_ = batch_run
    before = Gate().check_paths([src / "seance.docx"])
    types = {f.type for f in before.findings}
    assert {"PERSON", "METADATA"} <= types
    assert all(f.line >= 0 and f.column >= 1 for f in before.findings)
    after = Gate().check_paths([dst / "seance.docx"])
    assert after.clean, [f.format(show=True) for f in after.findings]


def test_detect_reads_the_text_of_a_docx(batch_run):
    src, *_ = batch_run
    result = CliRunner().invoke(main, ["detect", str(src / "seance.docx"), "--format", "json"])
    assert result.exit_code == 0, result.output
    entities = json.loads(result.output)["entities"]
    text = read_note(src / "seance.docx").text
    assert entities and all(text[e["start"] : e["end"]] == e["text"] for e in entities)
    assert "Julien Marchand" in {e["text"] for e in entities}


def test_a_broken_docx_is_reported_and_the_others_go_on(tmp_path):
    src = tmp_path / "notes"
    src.mkdir()
    (src / "casse.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (src / "bon.md").write_text("Julien Marchand habite à Annecy.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "casse.docx: not a readable Word .docx file" in result.output
    assert not (tmp_path / "out" / "casse.docx").exists()


def test_text_command_writes_word_from_word(batch_run, tmp_path):
    src, *_ = batch_run
    out = tmp_path / "publiable.docx"
    result = CliRunner().invoke(
        main, ["text", str(src / "seance.docx"), "-o", str(out), "--style", "redact"]
    )
    assert result.exit_code == 0, result.output
    paragraph = docx.Document(out).paragraphs[0].text
    assert paragraph.startswith("Séance avec [PERSONNE_") and "Marchand" not in paragraph


def _edited(source: Path, target: Path, part: str, old: str, new: str) -> Path:
    """A copy of a Word file with one string of one part changed, as an editor would."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            if name == part:
                assert old.encode() in data, (part, old)
                data = data.replace(old.encode(), new.encode())
            out.writestr(name, data)
    return target


@pytest.mark.parametrize(
    ("part", "old", "new", "channel"),
    [
        ("word/comments.xml", 'w:author="Auteur"', 'w:author="Claire Dupont"', "comment author"),
        ("word/document.xml", 'w:author="Auteur"', 'w:author="Julien Marchand"', "tracked change"),
        (
            "docProps/custom.xml",
            "<vt:lpwstr></vt:lpwstr>",
            "<vt:lpwstr>Julien Marchand</vt:lpwstr>",
            "custom property Client",
        ),
    ],
)
def test_the_gate_reads_every_channel_batch_clears(batch_run, tmp_path, part, old, new, channel):
    """A file edited after the batch: the reviewer's name comes back in Word's metadata."""
    _, dst, *_ = batch_run
    assert Gate().check_paths([dst / "seance.docx"]).clean
    edited = _edited(dst / "seance.docx", tmp_path / "seance.docx", part, old, new)
    report = Gate().check_paths([edited])
    found = [f for f in report.findings if f.type == "METADATA"]
    assert [f for f in found if channel in f.text], [f.format(show=True) for f in found]
    result = CliRunner().invoke(main, ["check", str(edited)])
    assert result.exit_code == 1 and "METADATA" in result.output
    assert "Marchand" not in result.output and "Dupont" not in result.output, "masked"


def test_comment_and_revision_timestamps_are_coarsened_like_body_dates(batch_run, tmp_path):
    src, dst, *_ = batch_run
    before = xml_parts(src / "seance.docx")
    assert 'w:date="2025-03-14T10:00:00Z"' in before["word/document.xml"]
    after = xml_parts(dst / "seance.docx")
    stamps = [
        (name, stamp)
        for name, xml in after.items()
        for stamp in re.findall(r'\bw:date="([^"]*)"', xml)
    ]
    assert ("word/document.xml", "2025-03-01T00:00:00Z") in stamps
    assert any(name == "word/comments.xml" for name, _ in stamps)
    assert all(re.fullmatch(r"\d{4}-\d\d-01T00:00:00Z", s) for _, s in stamps), stamps
    # with `dates = "remove"`, they go
    config = tmp_path / "anonymize.toml"
    config.write_text('[anonymize]\ndates = "remove"\n', encoding="utf-8")
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--config", str(config)])
    assert run.exit_code == 0, run.output
    assert not any("w:date=" in xml for xml in xml_parts(out / "seance.docx").values())


def test_the_gate_flags_a_template_path_and_a_thumbnail(batch_run, tmp_path):
    """Word can add both when the file is saved again: a user folder, a page's picture."""
    _, dst, *_ = batch_run
    d = docx.Document(dst / "seance.docx")
    settings = next(p for p in d.part.package.iter_parts() if p.partname.endswith("settings.xml"))
    settings.relate_to(
        "file:///C:/Users/Claire%20Dupont/Modeles/Coaching.dotm",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    thumbnail = Part(PackURI("/docProps/thumbnail.png"), "image/png", PNG_1PX, d.part.package)
    d.part.package.relate_to(thumbnail, RT.THUMBNAIL)
    edited = tmp_path / "seance.docx"
    d.save(edited)
    found = {f.text.split(":")[0] for f in Gate().check_paths([edited]).findings}
    assert {"template path", "thumbnail"} <= found
