"""``if isinstance(x, C):``: what a name is inside the arm such a test guards."""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional

import libcst as cst


def isinstance_classes(
    name: str, node: cst.CSTNode, ancestors: Callable[[cst.CSTNode], Iterable[cst.CSTNode]]
) -> Optional[List[cst.BaseExpression]]:
    """The class expressions of the innermost ``if isinstance(name, C):`` (or ``(C, D)``) whose
    body holds ``node``, within its function; None when no such test guards it."""
    child = node
    for ancestor in ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            return None
        if isinstance(ancestor, cst.If) and child is ancestor.body:
            test = ancestor.test
            if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance" \
                    and len(test.args) == 2 and isinstance(test.args[0].value, cst.Name) \
                    and test.args[0].value.value == name:
                kinds = test.args[1].value
                return [e.value for e in kinds.elements] if isinstance(kinds, cst.Tuple) else [kinds]
        child = ancestor
    return None
