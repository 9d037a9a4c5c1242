"""LKL005: a top-level statement too large to check within the memory bound (reported by the engine)."""

from __future__ import annotations

from leaklint.rule import Good, Rule


class StatementTooLargeRule(Rule):
    """
    ## What it does
    Reports a top-level statement (a function, a class, a module-level expression) that holds
    more code than leaklint parses in one piece, `segment-size` in `[tool.leaklint]` (128 KB of
    code by default: the bytes outside strings and comments), or code so dense (an operator or
    bracket every few bytes) that its estimated parse cost is over twice that. The statement is
    not checked; the rest of the file is.

    ## Why is this bad?
    libcst, leaklint's parser, needs about 1 KB of memory per byte of dense code: a 3 MB
    generated module took 2.5 GB. To keep memory bounded, a file with more code than
    `segment-size` is checked in segments of whole top-level statements, each parsed and dropped
    before the next (see docs/performance.md). A single statement bigger than a segment cannot
    be cut there, so it is left out, and this finding says so instead of using gigabytes. A
    statement of plain data (a literal table or string, no call or lambda in it) holds nothing
    the rules look for and is skipped without a finding.

    ## Known problems
    Generated modules are the usual source; exclude them (`extend-exclude`) or raise
    `segment-size` (memory grows with it, about 0.5-1 KB per byte). Under flake8 files are not
    segmented (flake8 already holds the whole file's `ast`).

    ## References
    - docs/performance.md, "What a huge file costs"
    """

    code = "LKL005"
    name = "statement-too-large"
    message = "this top-level statement holds more code than leaklint checks in one piece"
    engine_only = True
    examples = (Good("def small():\n    return 1\n"),)
