""""Did you mean ...?" for a misspelt configuration key, option or rule code."""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Optional


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidate, or "" when none is close."""
    best = closest(word, candidates)
    return f"; did you mean {best!r}?" if best is not None else ""


def closest(word: str, candidates: Iterable[str]) -> Optional[str]:
    choices = sorted(set(candidates))
    by_case = {choice.lower(): choice for choice in choices}
    if word.lower() in by_case and by_case[word.lower()] != word:
        return by_case[word.lower()]
    matches = difflib.get_close_matches(word.lower(), list(by_case), n=1, cutoff=0.6)
    return by_case[matches[0]] if matches else None


def code_suggestion(prefix: str) -> str:
    """The closest rule code or prefix for ``prefix``; a rule's name leads to its code."""
    from leaklint.registry import all_rules

    rules = all_rules()
    by_name = {rule.name: rule.code for rule in rules}
    if prefix.lower() in by_name:
        return f"; did you mean {by_name[prefix.lower()]!r} ({prefix.lower()})?"
    codes = [rule.code for rule in rules]
    normalised = prefix.upper().replace("O", "0")  # LKL5O1: a letter O for a zero
    if normalised != prefix.upper() and any(code.startswith(normalised) for code in codes):
        return f"; did you mean {normalised!r}?"
    if re.fullmatch(r"LKL[0-9]+", prefix.upper()):
        # A well-formed code or prefix that matches nothing: only a code one typo away (a digit
        # missing, extra or wrong) is a guess worth making, and only when it is the only one.
        near = [code for code in codes if _one_edit(prefix.upper()[3:], code[3:])]
        return f"; did you mean {near[0]!r}?" if len(near) == 1 else ""
    prefixes = {code[:4] for code in codes} | {code[:5] for code in codes}
    found = did_you_mean(prefix.upper(), [*codes, *prefixes])
    if found:
        return found
    name = closest(prefix.lower(), by_name)
    return f"; did you mean {by_name[name]!r} ({name})?" if name else ""


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` with exactly one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
