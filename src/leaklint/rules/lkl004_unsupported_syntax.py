"""LKL004: valid Python that libcst, leaklint's parser, cannot parse (reported by the engine)."""

from __future__ import annotations

from leaklint.rule import Bad, Good, Rule


class UnsupportedSyntaxRule(Rule):
    """
    ## What it does
    Reports a file that CPython compiles but libcst, the parser leaklint is built on, cannot
    parse. The file is valid: this is leaklint's limit, not a syntax error in your code, and the
    file is not checked by any rule.

    ## Why is this bad?
    The leaks in such a file stay hidden. The finding names libcst's reason and where it
    stopped, so the construct can be rewritten (each known case has a plain equivalent) or the
    file excluded knowingly.

    Known constructs libcst 1.x refuses: a parenthesized annotated-assignment target
    (`(x): int = 1`, write `x: int = 1`), and a backslash continuation right before the end of a
    file with CRLF newlines.

    ## Known problems
    libcst's position is where its parser stopped, often the line after the construct. Only
    whole files are skipped: leaklint does not check the parts of the file it could parse.
    Under flake8 the same file is checked by neither (flake8 parses with `ast`, the plugin needs
    libcst), and this finding is reported there too.

    ## References
    - libcst issue tracker: https://github.com/Instagram/LibCST/issues
    """

    code = "LKL004"
    name = "unsupported-syntax"
    message = "this file is valid Python but libcst, leaklint's parser, cannot parse it, so it is not checked"
    engine_only = True
    examples = (Bad("(x): int = 1\n"), Good("x: int = 1\n"))
