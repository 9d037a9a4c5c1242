"""Arms of an ``if`` that never run: ``if True: ... else: <dead>``, ``if False: <dead>``, and a
module constant (``_IS_SYNC = False`` then ``if _IS_SYNC: <dead>``). Generated sync/async twins
keep both arms in each file, and whatever a rule finds in the arm that never runs is not a leak.
"""

from __future__ import annotations

from typing import Dict, Optional, Set

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import last_name
from leaklint.analysis.walk import walk, walk_scope

_LITERALS = {"True": True, "False": False}


def module_bool_constants(module: cst.Module) -> Dict[str, bool]:
    """Module-level names assigned ``True`` or ``False`` exactly once (twice: unknown).

    A flag bound again elsewhere is not a constant: in a module-level ``try:``/``if``
    (``HAS_LXML = False`` then ``try: import lxml; HAS_LXML = True``), or by a function that
    declares it ``global`` (a lazy-init flag: ``_initialized = False`` ... ``global _initialized;
    _initialized = True``)."""
    constants: Dict[str, Optional[bool]] = {}
    for statement in module.body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                name = small.targets[0].target.value
                value = small.value.value if type(small.value) is cst.Name else ""
                constants[name] = None if name in constants else _LITERALS.get(value)
    found = {name: value for name, value in constants.items() if value is not None}
    if found:
        for name in _rebound(module, found):
            del found[name]
    return found


def _rebound(module: cst.Module, names: Dict[str, bool]) -> Set[str]:
    rebound: Set[str] = set()
    for statement in module.body:
        if type(statement) in (cst.SimpleStatementLine, cst.FunctionDef, cst.ClassDef):
            continue
        for node in walk_scope(statement):
            if type(node) is cst.AssignTarget and type(node.target) is cst.Name and node.target.value in names:
                rebound.add(node.target.value)
    for node in walk(module):
        if type(node) is cst.Global:
            rebound.update(item.name.value for item in node.names if item.name.value in names)
    return rebound


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
            if runs is None and _feature_test(context, ancestor.test):
                runs = True
            if runs is not None and (child is ancestor.body) != runs:
                return True
        elif (type(ancestor) is cst.BooleanOperation and type(ancestor.operator) is cst.Or
              and child is ancestor.right and _feature_test(context, ancestor.left)):
            return True  # `getattr(subprocess, "DEVNULL", None) or open(os.devnull, "wb")`
        child = ancestor
    return False


# Standard-library names every supported Python (3.9 and later) has on every platform, which code
# written for older Pythons tests for before falling back: the fallback never runs.
_ALWAYS_PRESENT = {
    "subprocess": frozenset({"DEVNULL"}),
    "contextlib": frozenset({"nullcontext", "suppress", "ExitStack", "AsyncExitStack"}),
    "functools": frozenset({"cached_property", "lru_cache"}),
    "os": frozenset({"scandir", "replace", "fspath"}),
    "shutil": frozenset({"which"}),
    "time": frozenset({"monotonic", "perf_counter"}),
    "asyncio": frozenset({"run", "get_running_loop", "create_task"}),
    "ssl": frozenset({"create_default_context"}),
}


def _feature_test(context: FileContext, test: cst.BaseExpression) -> bool:
    """``getattr(subprocess, "DEVNULL", None)`` or ``hasattr(subprocess, "DEVNULL")`` for a name
    in _ALWAYS_PRESENT: always true (``DEVNULL`` is -3, every entry is truthy)."""
    if type(test) is not cst.Call or type(test.func) is not cst.Name or test.func.value not in ("getattr", "hasattr"):
        return False
    args = test.args
    if len(args) < 2 or type(args[1].value) is not cst.SimpleString:
        return False
    module = context.qualified_name(args[0].value)
    names = _ALWAYS_PRESENT.get(module or "")
    return names is not None and args[1].value.evaluated_value in names


def negated_coroutine_check(test: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """``x`` for ``not inspect.iscoroutinefunction(x)`` (or ``asyncio.``'s): the guard generated
    sync/async twins put around a call so that it runs only in the sync twin (true exactly when
    ``x`` is not an ``async def``)."""
    if not (isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)):
        return None
    check = test.expression
    if not (isinstance(check, cst.Call) and len(check.args) == 1):
        return None
    func = check.func
    name = last_name(func) or ""
    return check.args[0].value if name == "iscoroutinefunction" else None
