"""The `anonymize` command: a thin click layer over the library.

Exit status: 0 success, 1 some file failed (or `check` found something),
2 usage error (bad option, bad folder, refused overwrite, bad config).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .config import STYLES, Config, resolve_config
from .errors import AnonymizeError, ConfigError, MappingError, NoteError
from .io.batch import BatchError, is_inside, run_batch
from .io.reader import find_notes, read_note, read_stdin
from .io.writer import atomic_write
from .pipeline import Pipeline
from .replace.mapping import PASSPHRASE_ENV, Mapping, load_mapping, save_mapping

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
MIN_PASSPHRASE = 8


def _quiet_libraries() -> None:
    # Presidio logs at INFO/WARNING about recognizers and entities; none of it
    # helps a coach and some of it could quote note text.
    for name in ("presidio-analyzer", "presidio-anonymizer", "spacy"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _config(config_path: Path | None, near: Path | None) -> Config:
    try:
        return resolve_config(config_path, near)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _config_option(f):
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="anonymize.toml to use (default: the nearest one beside the notes).",
    )(f)


def _mapping_options(f):
    f = click.option(
        "--seed",
        type=int,
        default=None,
        help="Seed for pseudonym choices (same seed, same notes: same output).",
    )(f)
    return click.option(
        "--mapping",
        "mapping_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Encrypted real→pseudonym table, read and updated (passphrase: prompt or "
        "$ANONYMIZE_PASSPHRASE). Never inside the output folder.",
    )(f)


def _passphrase(confirm: bool, creating: bool = False) -> str:
    """The mapping's passphrase; one chosen for a new mapping has 8 characters or more
    (an existing mapping's passphrase is checked by decrypting it)."""
    value = os.environ.get(PASSPHRASE_ENV)
    if not value:
        if sys.stdin is None or not sys.stdin.isatty():
            raise click.UsageError(f"--mapping needs a passphrase: set {PASSPHRASE_ENV}")
        value = click.prompt(
            "Passphrase du mapping", hide_input=True, confirmation_prompt=confirm, err=True
        )
    if creating and len(value) < MIN_PASSPHRASE:
        raise click.UsageError(
            f"the mapping passphrase is too short ({len(value)} characters): "
            f"use at least {MIN_PASSPHRASE}"
        )
    return value


def _write_failed(path: Path, exc: OSError) -> click.ClickException:
    return click.ClickException(f"cannot write {path}: {exc.strerror or type(exc).__name__}")


def _warn_timeouts(config: Config) -> None:
    """Warn about the config's own patterns that ran out of time (names only, never text)."""
    from recognizers.user.custom_patterns import drain_timeouts, timeout_warnings

    for line in timeout_warnings(drain_timeouts(), config.source or "the config"):
        click.echo(f"warning: {line}", err=True)


def _open_mapping(path: Path | None, seed: int | None, config: Config, output_dir: Path | None):
    """The mapping to use (loaded, new, or None) and its passphrase."""
    if path is None:
        return None, None
    if output_dir is not None and is_inside(path, output_dir):
        raise click.BadParameter(
            "the mapping file is a secret: keep it outside the output folder",
            param_hint="--mapping",
        )
    passphrase = _passphrase(confirm=not path.exists(), creating=not path.exists())
    if path.exists():
        try:
            return load_mapping(path, passphrase), passphrase
        except MappingError as exc:
            raise click.ClickException(str(exc)) from None
    return Mapping(seed=seed if seed is not None else config.seed), passphrase


def _with_seed(config: Config, seed: int | None) -> Config:
    return config if seed is None else replace(config, seed=seed)


def _style_option(f):
    return click.option(
        "--style",
        type=click.Choice(STYLES),
        default=None,
        help="Replacement style (default: from the config, else pseudonym).",
    )(f)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="anonymize")
def main() -> None:
    """Anonymize French coaching notes so they can be published.

    \b
    Exemples :
      cat seance.md | anonymize text
      anonymize batch notes/ -o public/ --report rapport.json
      anonymize detect notes/ --format table
    """
    _quiet_libraries()


def _check_output(output: Path | None, source: Path | None, force: bool) -> None:
    """Never overwrite the raw note; never overwrite anything without --force."""
    if output is None:
        return
    if source is not None and output.exists() and source.exists() and output.samefile(source):
        raise click.BadParameter("the output would overwrite the input note", param_hint="-o")
    if output.exists() and not force:
        raise click.BadParameter(f"{output} exists; use --force to overwrite", param_hint="-o")


@main.command(context_settings=CONTEXT)
@click.argument("file", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@_style_option
@_mapping_options
@_config_option
def text(
    file: Path | None,
    output: Path | None,
    force: bool,
    style: str | None,
    mapping_path: Path | None,
    seed: int | None,
    config_path: Path | None,
):
    """Anonymize one note (FILE, or stdin when FILE is - or absent).

    \b
    Exemple :
      echo "Julien Marchand habite à Annecy." | anonymize text
      anonymize text seance.md -o seance-publiable.md
    """
    from_stdin = file is None or str(file) == "-"
    _check_output(output, None if from_stdin else file, force)
    config = _with_seed(_config(config_path, Path.cwd() if from_stdin else file), seed)
    mapping, passphrase = _open_mapping(
        mapping_path, seed, config, output.parent if output else None
    )
    try:
        if from_stdin or file is None:
            note = read_stdin(config.max_bytes)
        else:
            note = read_note(file, config.max_bytes)
    except NoteError as exc:
        raise click.ClickException(f"{'stdin' if from_stdin else file}: {exc}") from None
    pipeline = Pipeline(config, style, mapping)
    result = pipeline.anonymize(note.text)
    _warn_timeouts(config)
    if output is None:
        click.echo(result.text, nl=False)
    else:
        try:
            note.write(output, result, config)  # Word in, Word out: formatting kept
        except OSError as exc:
            raise _write_failed(output, exc) from None
    if mapping is not None and mapping_path is not None:
        try:
            save_mapping(mapping_path, pipeline.mapping, passphrase)
        except OSError as exc:
            raise _write_failed(mapping_path, exc) from None


def _inputs(paths: tuple[Path, ...]) -> list[Path | None]:
    """Files named or found under folders; None stands for stdin."""
    found: list[Path | None] = []
    for p in paths:
        if str(p) == "-":
            found.append(None)
        elif p.is_dir():
            found.extend(find_notes(p))
        elif os.path.lexists(p):
            found.append(p)
        else:
            raise click.BadParameter(f"no such file or folder: {p}", param_hint="PATH")
    return found


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table")
@_config_option
def detect(paths: tuple[Path, ...], fmt: str, config_path: Path | None):
    """List the identifiers found in notes (files, folders, or - for stdin).

    JSON Lines (one object per file) with --format json.

    \b
    Exemple :
      anonymize detect notes/ --format json > detections.jsonl
    """
    inputs = _inputs(paths)
    first = next((p for p in inputs if p is not None), None)
    config = _config(config_path, first or Path.cwd())
    names, texts, failed = [], [], 0
    for p in inputs:
        label = "-" if p is None else str(p)
        try:
            note = read_stdin(config.max_bytes) if p is None else read_note(p, config.max_bytes)
        except NoteError as exc:
            click.echo(f"error: {label}: {exc}", err=True)
            failed += 1
            continue
        names.append(label)
        texts.append(note.text)
    detected = Pipeline(config, style="redact").detect_many(texts) if texts else []
    _warn_timeouts(config)
    if fmt == "json":
        for name, entities in zip(names, detected, strict=True):
            click.echo(
                json.dumps(
                    {"path": name, "entities": [e.to_json() for e in entities]}, ensure_ascii=False
                )
            )
    else:
        from .display import print_detections

        print_detections(names, texts, detected)
    sys.exit(1 if failed else 0)


@main.command(context_settings=CONTEXT)
@click.argument("src", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "-o",
    "--output",
    "dst",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder (mirrors SRC).",
)
@click.option(
    "--report",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write a JSON report here (not inside the output folder).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for the analysis.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write into an output folder that already holds notes: overwrite them, and remove "
    "the outputs of an earlier run whose note is gone.",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links whose target is inside SRC (never one pointing out of it).",
)
@_style_option
@_mapping_options
@_config_option
def batch(
    src: Path,
    dst: Path,
    report: Path | None,
    jobs: int,
    force: bool,
    follow_symlinks: bool,
    style: str | None,
    mapping_path: Path | None,
    seed: int | None,
    config_path: Path | None,
):
    """Anonymize every .txt, .md and .docx note under SRC into DST, same tree.

    SRC is never written to. Every entry of SRC gets a line in the report:
    anonymized, failed, or skipped with the reason (hidden, symbolic link,
    FIFO, not a note). A file that fails is reported; the others go on. Exit
    status 1 if any file failed or could not be written. A DST that already
    holds notes is refused without --force, before the analysis. File and
    folder names are anonymized too (dates coarsened); DST gets a marker,
    .anonymize-output, recording, per file, the replacements written, for
    `anonymize check`.

    \b
    Exemple :
      anonymize batch notes/ -o public/ --report rapport.json --jobs 2
    """
    if not src.is_dir():
        raise click.BadParameter(f"source folder not found: {src}", param_hint="SRC")
    if report is not None and is_inside(report, dst):
        raise click.BadParameter(
            "the report must not be written inside the output folder", param_hint="--report"
        )
    if report is not None and is_inside(report, src):
        raise click.BadParameter(
            "the report must not be written inside the source folder", param_hint="--report"
        )
    config = _with_seed(_config(config_path, src), seed)
    if mapping_path is not None and is_inside(mapping_path, src):
        raise click.BadParameter(
            "keep the mapping outside the notes folder", param_hint="--mapping"
        )
    mapping, passphrase = _open_mapping(mapping_path, seed, config, dst)
    from .display import BatchProgress, print_summary

    with BatchProgress() as progress:
        try:
            result = run_batch(
                src,
                dst,
                config,
                style=style,
                jobs=jobs,
                force=force,
                follow_symlinks=follow_symlinks,
                mapping=mapping,
                on_start=progress.start,
                on_progress=progress.advance,
            )
        except BatchError as exc:
            raise click.UsageError(str(exc)) from None
    for f in result.failed:
        click.echo(f"failed: {f.source}: {f.error}", err=True)
    for line in result.warnings:
        click.echo(f"warning: {line}", err=True)
    print_summary(result)
    errors = list(result.errors)
    if mapping is not None and mapping_path is not None:
        try:
            save_mapping(mapping_path, mapping, passphrase)
        except OSError as exc:
            errors.append(f"cannot write the mapping {mapping_path}: {exc.strerror}")
    if report is not None:
        try:
            atomic_write(report, json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            errors.append(f"cannot write the report {report}: {exc.strerror}")
    for line in errors:
        click.echo(f"error: {line}", err=True)
    sys.exit(1 if result.failed or errors else 0)


@main.command(context_settings=CONTEXT)
@click.argument("file", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--mapping",
    "mapping_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The encrypted mapping written by text/batch --mapping.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
def reveal(file: Path | None, mapping_path: Path, output: Path | None):
    """Give the coach the original names back in an anonymized note.

    Names, places, organisations, contacts and numbers come back; coarsened
    dates and ages cannot.

    \b
    Exemple :
      anonymize reveal public/seance.md --mapping ~/secret/mapping.bin
    """
    _check_output(output, None if file is None or str(file) == "-" else file, force=False)
    try:
        mapping = load_mapping(mapping_path, _passphrase(confirm=False))
        note = read_stdin() if file is None or str(file) == "-" else read_note(file)
    except (MappingError, NoteError) as exc:
        raise click.ClickException(str(exc)) from None
    original = mapping.reveal(note.text)
    if output is None:
        click.echo(original, nl=False)
    else:
        try:
            atomic_write(output, original, bom=note.bom)
        except OSError as exc:
            raise _write_failed(output, exc) from None


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--mapping",
    "mapping_path",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Also flag every real string of this mapping (its replacements are not leaks).",
)
@click.option(
    "--known",
    "known_paths",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A .anonymize-output file of batch: the replacements listed there are not leaks.",
)
@click.option("--show", is_flag=True, help="Print the text found (masked by default).")
@click.option(
    "--strict",
    is_flag=True,
    help="Also flag (UNKNOWN) every proper noun, acronym or initials nothing explains.",
)
@_config_option
def check(
    paths: tuple[Path, ...],
    mapping_path: Path | None,
    known_paths: tuple[Path, ...],
    show: bool,
    strict: bool,
    config_path: Path | None,
):
    """The gate before publishing: exit 1 if PATHS (.txt, .md, .docx) hold identifiers.

    Prints file:line:col TYPE text for every detection, deny-listed term and
    (with --mapping) real string of the mapping; exit 0 when clean. With
    --strict, also every capitalised word, acronym or initials that no lexicon,
    list, allow-list or pseudonym of ours explains (TYPE UNKNOWN).

    \b
    Exemple :
      anonymize check public/ --mapping ~/secret/mapping.bin
      anonymize check public/ --strict --show
    """
    from .io.marker import load_known
    from .publish.check import Gate

    config = _config(config_path, paths[0])
    known = [k for path in known_paths for k in load_known(path)]
    try:
        mapping = load_mapping(mapping_path, _passphrase(confirm=False)) if mapping_path else None
    except MappingError as exc:
        raise click.ClickException(str(exc)) from None
    gate = (
        Gate.with_mapping(config, mapping, known, strict=strict)
        if mapping
        else Gate(config, known=known, strict=strict)
    )
    report = gate.check_paths(list(paths))
    _warn_timeouts(config)
    for finding in report.findings:
        click.echo(finding.format(show))
    for path, error in report.errors:
        click.echo(f"error: {path}: {error}", err=True)
    found = f"{len(report.findings)} found, {len(report.errors)} unreadable"
    click.echo(f"check: {report.files} files, {'clean' if report.clean else found}", err=True)
    sys.exit(0 if report.clean else 1)


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The HTML page to write (refused inside a batch output folder).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing page.")
@_style_option
@_config_option
def review(file: Path, output: Path, force: bool, style: str | None, config_path: Path | None):
    """Write a review page: original and anonymized side by side, what to check by hand.

    The page holds the raw notes: keep it on your machine, never publish it.

    \b
    Exemple :
      anonymize review seance.md -o /tmp/relecture.html
    """
    from .publish.review import ReviewError
    from .publish.review import review as write_review

    _check_output(output, file, force)
    config = _config(config_path, file)
    try:
        result, cues = write_review(file, output, config, style)
    except ReviewError as exc:
        raise click.UsageError(str(exc)) from None
    except NoteError as exc:
        raise click.ClickException(f"{file}: {exc}") from None
    except OSError as exc:
        raise _write_failed(output, exc) from None
    _warn_timeouts(config)
    click.echo(
        f"{output}: {len(result.replacements)} replacements, {cues} sentences to check by hand",
        err=True,
    )


def run() -> None:
    """Entry point that turns library and system errors into one clear line."""
    try:
        main(standalone_mode=True)
    except AnonymizeError as exc:  # pragma: no cover - safety net
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:  # pragma: no cover - safety net (disk full, read-only)
        click.echo(f"error: {exc.strerror or type(exc).__name__}", err=True)
        sys.exit(1)
