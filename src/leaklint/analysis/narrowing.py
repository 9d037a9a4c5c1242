"""Uses of a name that ``isinstance`` has narrowed to a plain value type.

``body = data if isinstance(data, bytes) else data.read()`` and ``if isinstance(obj, bytes):
self.content = obj`` keep ``data``/``obj`` only when it is bytes; a file or socket passed in
takes the other branch. A parameter summary that counted those uses as "kept" would call the
function an owner of every resource handed to it.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from leaklint.analysis.context import FileContext

# Built-in types no resource is an instance of.
_VALUE_TYPES = frozenset({
    "bytes", "bytearray", "str", "int", "float", "bool", "complex", "memoryview",
    "list", "tuple", "dict", "set", "frozenset", "type",
})


def narrowed_to_value(context: FileContext, use: cst.Name) -> bool:
    """``use`` sits in the branch of an ``if``/conditional expression whose test is
    ``isinstance(<use's name>, <value types>)`` (or the ``else`` of its negation)."""
    child: cst.CSTNode = use
    for ancestor in context.ancestors(use):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.Module)):
            return False
        if isinstance(ancestor, (cst.If, cst.IfExp)) and child is not ancestor.test:
            positive = _value_isinstance(ancestor.test, use.value)
            in_body = child is ancestor.body
            if positive is not None and positive == in_body:
                return True
        child = ancestor
    return False


def _value_isinstance(test: cst.BaseExpression, name: str) -> Optional[bool]:
    """True for ``isinstance(name, bytes)``, False for ``not isinstance(...)``, None otherwise."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = _value_isinstance(test.expression, name)
        return None if inner is None else not inner
    if not (isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance"):
        return None
    if len(test.args) != 2 or not (isinstance(test.args[0].value, cst.Name) and test.args[0].value.value == name):
        return None
    types = test.args[1].value
    elements = [e.value for e in types.elements] if isinstance(types, cst.Tuple) else [types]
    if elements and all(isinstance(e, cst.Name) and e.value in _VALUE_TYPES for e in elements):
        return True
    return None
