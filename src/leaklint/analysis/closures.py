"""What a lambda or nested function captures from the function around it.

LKL104 and LKL401 split self-capturing closures by this: a closure whose only captured name is
``self`` is a self-capturing callable (LKL104); one that also carries the call's own state
(``lambda: self.run(state)``) is a closure holding state past its call (LKL401).
"""

from __future__ import annotations

from typing import Dict, List, Union

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import LOCAL
from leaklint.analysis.walk import iter_children

Closure = Union[cst.Lambda, cst.FunctionDef]


def captured_names(context: FileContext, closure: Closure, function: cst.FunctionDef) -> Dict[str, List[cst.Name]]:
    """Free names of ``closure`` that are local to ``function``, with the Name nodes reading them."""
    outer = context.scope_bindings(function).names
    inner = context.scope_bindings(closure).names
    found: Dict[str, List[cst.Name]] = {}
    stack: List[cst.CSTNode] = [closure.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            if outer.get(node.value) == LOCAL and node.value not in inner:
                found.setdefault(node.value, []).append(node)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)  # `x.attr`: the attribute name is not a variable
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            stack.append(node.value)  # `f(key=x)`: the keyword is not a variable
        else:
            stack.extend(iter_children(node))
    return found


def carries_call_state(context: FileContext, closure: Closure, function: cst.FunctionDef, self_name: str) -> bool:
    """True when ``closure`` captures a local or argument of ``function`` besides ``self_name``."""
    return any(name != self_name for name in captured_names(context, closure, function))
