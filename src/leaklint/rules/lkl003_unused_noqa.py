"""LKL003: a `# noqa: LKL...` code that silences nothing (found by the engine after every rule)."""

from __future__ import annotations

from leaklint.rule import Bad, FixSafety, Good, Rule


class UnusedNoqaRule(Rule):
    """
    ## What it does
    Flags a leaklint code in a `# noqa:` comment that silences nothing on its line: no finding of
    that code (or code prefix) is reported there, by the file's rules or the project-wide pass.

    ## Why is this bad?
    A stale `noqa` outlives the leak it excused: when the code changes and a real leak appears on
    that line, the comment hides it. Removing unused codes keeps every suppression meaningful.

    Codes of rules that did not run (not selected, or ignored for the file by
    `per-file-ignores`) are never reported: their absence proves nothing. Codes of other tools
    (`E501`, `B950`) and a bare `# noqa` are left alone, and `# noqa: LKL003` on a line keeps
    that line's comment as it is.

    ## Fix safety
    The fix is safe: it removes only the unused codes from the comment, keeping the other codes
    and the separators between them, and removes the comment when nothing is left in it.

    ## Known problems
    Under flake8, flake8 applies `noqa` itself, so this rule does not run there. With `--fix`,
    codes of the project-wide rules (LKL101, LKL102, and LKL301/LKL302, which also judge calls
    of another module's factories) are reported but not removed, since `--fix`
    fixes file by file and cannot tell whether another file makes them used.

    ## References
    - ruff: RUF100 (unused-noqa). flake8-noqa: NQA102.
    """

    code = "LKL003"
    name = "unused-noqa"
    message = "`# noqa: {code}` silences nothing on this line"
    fix_title = "remove the unused noqa code"
    fix_safety = FixSafety.SAFE
    engine_only = True
    examples = (
        Bad(
            "def load(path):\n    with open(path) as f:  # noqa: LKL303, E501\n        return f.read()\n",
            fixed="def load(path):\n    with open(path) as f:  # noqa: E501\n        return f.read()\n",
        ),
        Bad("TIMEOUT = 10  # noqa: LKL501\n", fixed="TIMEOUT = 10\n"),
        Good("def load(path):\n    return open(path).read()  # noqa: LKL301\n"),
        Good("import os  # noqa: F401\n"),
    )
