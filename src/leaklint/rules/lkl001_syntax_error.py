"""LKL001: the engine could not parse the file."""

from __future__ import annotations

from leaklint.rule import Bad, Good, Rule


class SyntaxErrorRule(Rule):
    """
    ## What it does
    Reports a file that cannot be parsed, at the location of the syntax error.

    ## Why is this bad?
    A file that does not parse cannot be checked: its leaks stay hidden. The other files of
    the run are still checked, and the file is still counted.

    The location comes from CPython's own parser, so it matches what `python` reports. Files
    nested deeper than CPython accepts are refused here before libcst's native parser could crash
    on them. Under flake8, such a file is E999 and leaklint never sees it.

    ## Known problems
    The file is parsed by the Python running leaklint: code using syntax newer than that Python
    (a `match` statement on Python 3.9) is reported here. Run leaklint with the Python your
    project targets.

    ## References
    - flake8: E999. ruff: syntax errors are reported without a code. pylint: E0001.
    """

    code = "LKL001"
    name = "syntax-error"
    message = "cannot parse this file: {reason}"
    engine_only = True
    examples = (Bad("def broken(:\n    pass\n"), Good("def fine():\n    pass\n"))
