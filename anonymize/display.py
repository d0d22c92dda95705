"""What people see in a terminal: a progress bar, a summary, highlighted spans."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from .entities import Entity
from .io.batch import BatchReport

COLORS = {
    "PERSON": "bold magenta",
    "LOCATION": "bold green",
    "ORG": "bold blue",
    "ADDRESS": "bold cyan",
    "EMAIL": "bold yellow",
    "PHONE": "bold yellow",
    "URL": "bold yellow",
    "DATE": "bold red",
    "AGE": "bold red",
    "ID": "bold white on red",
}


class BatchProgress:
    """A rich progress bar on a terminal; silent when stderr is piped."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.progress = Progress(
            TextColumn("anonymisation"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            disable=not self.enabled,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> BatchProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def start(self, total: int) -> None:
        self.task = self.progress.add_task("notes", total=total)

    def advance(self, n: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, n)


def print_summary(report: BatchReport) -> None:
    s = report.summary()
    console = Console()
    by_type = ", ".join(f"{t} {n}" for t, n in s["entities_by_type"].items()) or "none"
    console.print(
        f"{s['files']} files: {s['ok']} anonymized, {s['failed']} failed, {s['skipped']} skipped, "
        f"{s['entities']} entities ({by_type}) in {s['seconds']:.1f} s",
        highlight=False,
    )


def print_detections(names: list[str], texts: list[str], detected: list[list[Entity]]) -> None:
    """Each entity in a table with its type, score, recognizer and highlighted context."""
    console = Console()
    for name, text, entities in zip(names, texts, detected, strict=True):
        table = Table(title=f"{name}: {len(entities)} entities", show_lines=False)
        for col in ("line", "type", "text", "score", "recognizer", "context"):
            table.add_column(col)
        for e in entities:
            line = text.count("\n", 0, e.start) + 1
            left = text[max(0, e.start - 30) : e.start].replace("\n", " ")
            right = text[e.end : e.end + 30].replace("\n", " ")
            context = Text(left)
            context.append(e.text, style=COLORS.get(e.type, "bold"))
            context.append(right)
            table.add_row(str(line), e.type, e.text, f"{e.score:.2f}", e.recognizer, context)
        console.print(table)
