"""Module- and class-level containers that grow every time a test body runs again.

objgraph's ``show_growth`` idea, narrowed to what a fix can point at: the test body runs once to
warm up (first-call caches, lazy imports), then ``n`` more times; after each round the plugin takes
``len()`` of every list, dict, set and deque bound at module level (LKL201) or as a class
attribute (LKL202) in the user's own modules (the test's module and every imported module in user
code). A container that grew in every round is reported with where it is defined. Cost: a walk of
the globals of the user's modules per round, nothing on tests without repetition.
"""

from __future__ import annotations

import re
import sys
import types
from collections import deque
from typing import Callable, Dict, List, Optional, Tuple

from leaklint.pytest_plugin.leaks import RuntimeLeak, format_size
from leaklint.pytest_plugin.sites import definition_span, is_user_file

_CONTAINERS = (list, dict, set, deque)
Key = Tuple[str, Optional[str], str]  # (module, class qualname or None, attribute)


def user_modules() -> List[types.ModuleType]:
    modules = []
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None)
        if isinstance(module, types.ModuleType) and filename and is_user_file(filename):
            modules.append(module)
    return modules


def measure(modules: List[types.ModuleType]) -> Dict[Key, Tuple[int, object]]:
    sizes: Dict[Key, Tuple[int, object]] = {}
    for module in modules:
        name = module.__name__
        for attribute, value in list(vars(module).items()):
            if attribute.startswith("__"):
                continue
            if isinstance(value, _CONTAINERS):
                sizes[(name, None, attribute)] = (len(value), value)
            elif isinstance(value, type) and value.__module__ == name:
                for class_attribute, class_value in list(vars(value).items()):
                    if not class_attribute.startswith("__") and isinstance(class_value, _CONTAINERS):
                        sizes[(name, value.__qualname__, class_attribute)] = (len(class_value), class_value)
    return sizes


def repeat_and_measure(run_body: Callable[[], None], rounds: int, test: str) -> List[RuntimeLeak]:
    """Run the body ``rounds + 1`` times; report containers that grew after every measured round."""
    run_body()  # warm-up
    modules = user_modules()
    history: List[Dict[Key, Tuple[int, object]]] = [measure(modules)]
    for _ in range(rounds):
        run_body()
        history.append(measure(modules))
    leaks = []
    for key, (first, container) in history[0].items():
        lengths = [first]
        for snapshot in history[1:]:
            entry = snapshot.get(key)
            if entry is None or entry[1] is not container:
                break  # rebound: a different object now
            lengths.append(entry[0])
        if len(lengths) == rounds + 1 and all(b > a for a, b in zip(lengths, lengths[1:])):
            leaks.append(_growth_leak(key, container, lengths, test))
    return leaks


def _definition_line(module: types.ModuleType, owner: Optional[str], attribute: str) -> Tuple[Optional[str], Optional[int]]:
    filename = getattr(module, "__file__", None)
    first, last = 1, None
    if owner is not None:
        cls = module
        for part in owner.split("."):
            cls = getattr(cls, part, None)  # type: ignore[assignment]
        span = definition_span(cls) if cls is not None else None
        if span is None:
            return filename, None
        filename, first, last = span
    try:
        with open(filename, encoding="utf-8") as handle:  # type: ignore[arg-type]
            lines = handle.read().splitlines()
    except (OSError, TypeError, UnicodeDecodeError):
        return filename, None
    pattern = re.compile(rf"^\s*{re.escape(attribute)}\s*(:[^=]*)?=")
    end = len(lines)  # a class attribute may follow the last method
    for number in range(first, end + 1):
        if number - 1 < len(lines) and pattern.match(lines[number - 1]):
            return filename, number
    return filename, first if owner is not None else None


def _growth_leak(key: Key, container: object, lengths: List[int], test: str) -> RuntimeLeak:
    module_name, owner, attribute = key
    module = sys.modules[module_name]
    path, line = _definition_line(module, owner, attribute)
    where = f"{module_name}.{owner + '.' if owner else ''}{attribute}"
    steps = ", ".join(str(n) for n in lengths)
    kind = "class attribute" if owner else "module-level"
    return RuntimeLeak(
        test=test,
        kind="growth",
        codes=["LKL202"] if owner else ["LKL201"],
        type=type(container).__qualname__,
        summary=f"{kind} {type(container).__qualname__} `{where}` grew every round ({steps} items over {len(lengths) - 1} runs), "
        f"now {format_size(sys.getsizeof(container))} shallow",
        size=sys.getsizeof(container),
        path=path,
        line=line,
        traceback=[(path, line)] if path and line else [],
    )
