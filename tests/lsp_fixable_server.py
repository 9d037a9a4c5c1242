"""``leaklint server`` plus two test-only rules with machine fixes, for the quick-fix tests.

No registered rule has a machine fix yet, so the tests inject these through the server's
``rules_provider`` seam. Run as a script: ``python tests/lsp_fixable_server.py``.
"""

from __future__ import annotations

import sys
from typing import List, Sequence, Type

import libcst as cst

from leaklint.config import Settings
from leaklint.rule import Edit, Fix, FixSafety, Rule
from leaklint.server.app import create_server, serve_stdio


class RenameLeaky(Rule):
    """A test rule (not registered).

    ## What it does

    Flags the name `leaky` and renames it to `tidy`.

    ## Why is this bad?

    It is a test.

    ## Known problems

    None.

    ## References

    None.
    """

    code = "LKL990"
    name = "test-leaky-name"
    message = "`leaky` (test rule)"
    fix_title = "rename `leaky` to `tidy`"
    fix_safety = FixSafety.SAFE

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "leaky":
            fix = Fix((Edit(node, cst.Name("tidy")),), FixSafety.SAFE)
            self.report(node, "`leaky` is a test finding", suggestion="rename it to `tidy`", fix=fix)


class RenameRisky(Rule):
    """A test rule (not registered) whose fix is unsafe.

    ## What it does

    Flags the name `risky` and renames it to `careful`.

    ## Why is this bad?

    It is a test.

    ## Known problems

    None.

    ## References

    None.
    """

    code = "LKL991"
    name = "test-risky-name"
    message = "`risky` (test rule)"
    fix_title = "rename `risky` to `careful`"
    fix_safety = FixSafety.UNSAFE

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "risky":
            fix = Fix((Edit(node, cst.Name("careful")),), FixSafety.UNSAFE)
            self.report(node, "`risky` is a test finding", suggestion="rename it to `careful`", fix=fix)


def with_test_rules(settings: Settings, path: str) -> Sequence[Type[Rule]]:
    rules: List[Type[Rule]] = list(settings.rules_for(path))
    return rules + [RenameLeaky, RenameRisky]


if __name__ == "__main__":
    sys.exit(serve_stdio(create_server(rules_provider=with_test_rules)))
