"""Our French Presidio recognizers, one per module.

Every public `EntityRecognizer` subclass defined in a module of this package is
part of the default registry. A recognizer that depends on the user's config
(deny-list, custom patterns) defines `from_settings(settings)`, returning one
recognizer, a list of them, or None when it has nothing to do.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from presidio_analyzer import EntityRecognizer

LANGUAGE = "fr"


def recognizer_classes() -> list[type[EntityRecognizer]]:
    """All recognizer classes of the package, in a stable order."""
    found: list[type[EntityRecognizer]] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
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
        made = factory(settings) if factory else cls()
        if isinstance(made, EntityRecognizer):
            built.append(made)
        elif made:
            built.extend(made)
    return built
