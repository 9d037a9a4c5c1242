"""Finds the rules in ``leaklint/rules/`` and selects them by code prefix. No central list."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Type

from leaklint.rule import Rule


@lru_cache(maxsize=None)
def all_rules() -> Tuple[Type[Rule], ...]:
    """Every rule class defined in a module of ``leaklint.rules``, sorted by code."""
    import leaklint.rules as package

    found: Dict[str, Type[Rule]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.__module__ == module.__name__
                and "code" in vars(value)
            ):
                if value.code in found:
                    raise RuntimeError(f"rule code {value.code} is defined twice")
                found[value.code] = value
    return tuple(found[code] for code in sorted(found))


def rule_by_code(code: str) -> Optional[Type[Rule]]:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


class UnknownCodeError(ValueError):
    pass


def validate_prefixes(prefixes: Iterable[str], where: str) -> None:
    """Raise UnknownCodeError for a prefix that matches no rule (a typo would select nothing)."""
    codes = [rule.code for rule in all_rules()]
    for prefix in prefixes:
        if not any(code.startswith(prefix.upper()) for code in codes):
            from leaklint.suggest import code_suggestion

            raise UnknownCodeError(f"{where}: unknown rule code or prefix {prefix!r}{code_suggestion(prefix)}")


def matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(prefix.upper()) for prefix in prefixes)


def select_rules(
    select: Optional[Sequence[str]] = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> List[Type[Rule]]:
    """Rules enabled by ``select`` (default: all) plus ``extend_select``, minus ``ignore``.

    A longer (more specific) prefix wins when select and ignore both match, like ruff.
    """
    chosen = list(select) if select else ["LKL"]
    chosen += list(extend_select)
    result = []
    for rule in all_rules():
        best_select = max((len(p) for p in chosen if rule.code.startswith(p.upper())), default=-1)
        best_ignore = max((len(p) for p in ignore if rule.code.startswith(p.upper())), default=-1)
        if best_select >= 0 and best_select > best_ignore:
            result.append(rule)
    return result
