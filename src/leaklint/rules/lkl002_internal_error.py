"""LKL002: a rule failed on a file; the engine reports it and goes on."""

from __future__ import annotations

from leaklint.rule import Rule


class InternalErrorRule(Rule):
    """
    ## What it does
    Reports that a leaklint rule failed on this file, naming the rule and the reason in one line.

    ## Why is this bad?
    It is leaklint's bug, not yours. The failing rule is skipped for this file only; every other
    rule and file is still checked, and the run exits with code 2 so the failure is not missed.

    ## Known problems
    None: please report every occurrence with the file that caused it.

    ## References
    - pylint: F0002 (astroid-error).
    """

    code = "LKL002"
    name = "internal-error"
    message = "leaklint failed on this file in {rule}: {reason}"
    engine_only = True
