"""Our French Presidio recognizers, one per module, grouped by kind.

The subpackages hold the recognizers of one kind each (`people`, `places`,
`organisations`, `contacts`, `numbers`, `dates`, `statistical`, `user`), with
the helpers that only they use beside them (`_address_grammar.py`,
`_org_common.py`, `_fr_calendar.py`, `checksums.py`); helpers shared across
kinds (`_names.py`, `_gazetteer.py`, `_regex_entity.py`, `_data.py`...) are at
the top, and `lexicons.py` is the package's face for the rest of the pipeline.

Every public `EntityRecognizer` subclass defined in a public module of this
package or of its subpackages is part of the default registry. A recognizer
that depends on the user's config (deny-list, custom patterns) defines
`from_settings(settings)`, returning one recognizer, a list of them, or None
when it has nothing to do.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Protocol, cast

from presidio_analyzer import EntityRecognizer

LANGUAGE = "fr"


class Named(Protocol):
    """What a result's metadata needs of its recognizer (Presidio sets both in __init__)."""

    @property
    def name(self) -> str: ...

    @property
    def id(self) -> str: ...


def _module_names(path: list[str], prefix: str) -> list[str]:
    """Public modules under `path`, subpackages walked; private (`_x`) ones skipped."""
    names: list[str] = []
    for info in pkgutil.iter_modules(path):
        if info.name.startswith("_"):
            continue
        if info.ispkg:
            package = importlib.import_module(prefix + info.name)
            names += _module_names(list(package.__path__), f"{package.__name__}.")
        else:
            names.append(prefix + info.name)
    return names


def recognizer_classes() -> list[type[EntityRecognizer]]:
    """All recognizer classes of the package and its subpackages, in a stable order.

    Modules are taken by their own name (`age`, `caps_surname`, ...), whatever
    their subpackage, so that moving a recognizer to another kind does not
    change the order in which the engine runs them.
    """
    found: list[type[EntityRecognizer]] = []
    names = _module_names(list(__path__), f"{__name__}.")
    for module_name in sorted(names, key=lambda n: (n.rsplit(".", 1)[-1], n)):
        module = importlib.import_module(module_name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, EntityRecognizer)
                and obj.__module__ == module.__name__
                and not name.startswith("_")
                and not inspect.isabstract(obj)
            ):
                found.append(obj)
    return found


def build_all(settings: dict | None = None) -> list[EntityRecognizer]:
    """Instantiate every recognizer for the given config settings."""
    settings = settings or {}
    built: list[EntityRecognizer] = []
    for cls in recognizer_classes():
        factory = getattr(cls, "from_settings", None)
        made = factory(settings) if factory else cast(Callable[[], EntityRecognizer], cls)()
        if isinstance(made, EntityRecognizer):
            built.append(made)
        elif made:
            built.extend(made)
    return built
