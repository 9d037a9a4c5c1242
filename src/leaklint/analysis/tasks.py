"""What makes an asyncio task: ``asyncio.create_task(c)``, ``asyncio.ensure_future(c())`` and
``create_task`` called on something named or made like an event loop (``self._loop``,
``asyncio.get_running_loop()``). Shared by LKL304 and LKL309."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.context import FileContext
from leaklint.analysis.names import dotted_name

TASK_FACTORIES = frozenset(
    {"asyncio.create_task", "asyncio.ensure_future", "asyncio.tasks.create_task", "asyncio.tasks.ensure_future",
     # MicroPython's asyncio keeps the same API under its own name (`import uasyncio as asyncio`).
     "uasyncio.create_task", "uasyncio.ensure_future"}
)
_LOOP_FACTORIES = ("get_event_loop", "get_running_loop", "new_event_loop")


def task_factory(context: FileContext, call: cst.Call) -> Optional[str]:
    """How the task is made, as shown in messages, or None when it is not a loop's task."""
    qualified = context.qualified_name(call.func)
    if qualified in TASK_FACTORIES:
        if qualified.endswith("ensure_future") and not (call.args and isinstance(call.args[0].value, cst.Call)):
            return None  # ensure_future(existing_future) returns what it was given
        return f"{dotted_name(call.func)}(...)"
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "create_task" and is_loop(context, func.value):
        return f"{context.code(func).strip()}(...)"
    return None


def is_loop(context: FileContext, receiver: cst.BaseExpression) -> bool:
    if isinstance(receiver, cst.Call):
        return (dotted_name(receiver.func) or "").endswith(_LOOP_FACTORIES)
    spelled = dotted_name(receiver)
    if spelled is None:
        return False
    if "loop" in spelled.rsplit(".", 1)[-1].lower():
        return True
    if isinstance(receiver, cst.Name):
        scope = lt.scope_of(context, receiver)
        return any(
            isinstance(value, cst.Call) and (dotted_name(value.func) or "").endswith(_LOOP_FACTORIES)
            for value in lt.assigned_values(context, scope, receiver.value)
        )
    return False
