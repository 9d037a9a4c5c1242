"""Arms of an ``if`` that never run: ``if True: ... else: <dead>``, ``if False: <dead>``, and a
module constant (``_IS_SYNC = False`` then ``if _IS_SYNC: <dead>``). Generated sync/async twins
keep both arms in each file, and whatever a rule finds in the arm that never runs is not a leak.
"""

from __future__ import annotations

from typing import Dict, Optional

import libcst as cst

from leaklint.analysis.context import FileContext

_LITERALS = {"True": True, "False": False}


def module_bool_constants(module: cst.Module) -> Dict[str, bool]:
    """Module-level names assigned ``True`` or ``False`` exactly once (twice: unknown)."""
    constants: Dict[str, Optional[bool]] = {}
    for statement in module.body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                name = small.targets[0].target.value
                value = small.value.value if type(small.value) is cst.Name else ""
                constants[name] = None if name in constants else _LITERALS.get(value)
    return {name: value for name, value in constants.items() if value is not None}


def branch_value(test: cst.BaseExpression, constants: Dict[str, bool]) -> Optional[bool]:
    """What an ``if`` test always evaluates to, when it is a literal or a known module constant,
    or an ``and``/``or`` that one such operand decides (``if _IS_SYNC and connect:``)."""
    if type(test) is cst.BooleanOperation:
        left, right = branch_value(test.left, constants), branch_value(test.right, constants)
        decides = type(test.operator) is not cst.And  # `or` is decided by a True operand
        if left is decides or right is decides:
            return decides
        return left if left is not None and left == right else None
    negated = False
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        test, negated = test.expression, True
    if type(test) is not cst.Name:
        return None
    value = _LITERALS.get(test.value, constants.get(test.value))
    return None if value is None else value != negated


def in_dead_arm(context: FileContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` sits in an arm of an ``if`` that never runs."""
    constants: Optional[Dict[str, bool]] = getattr(context, "_bool_constants", None)
    if constants is None:
        constants = module_bool_constants(context.module)
        context._bool_constants = constants  # type: ignore[attr-defined]
    child = node
    for ancestor in context.ancestors(node):
        if type(ancestor) is cst.If and child is not ancestor.test:
            runs = branch_value(ancestor.test, constants)
            if runs is not None and (child is ancestor.body) != runs:
                return True
        child = ancestor
    return False
