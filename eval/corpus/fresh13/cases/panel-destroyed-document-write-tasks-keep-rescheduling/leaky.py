import asyncio
from functools import partial
from typing import Any, Callable, Dict, List
from weakref import WeakKeyDictionary

_WRITE_MSGS: "WeakKeyDictionary[Any, Dict[Any, List[dict]]]" = WeakKeyDictionary()
_WRITE_BLOCK: "WeakKeyDictionary[Any, bool]" = WeakKeyDictionary()
_write_tasks: List[asyncio.Task] = []


def _cleanup_task(task: asyncio.Task) -> None:
    if task in _write_tasks:
        _write_tasks.remove(task)


def _dispatch_write_task(doc: Any, func: Callable[..., Any], *args: Any) -> None:
    try:
        task = asyncio.ensure_future(func(*args))
        _write_tasks.append(task)
        task.add_done_callback(_cleanup_task)
    except RuntimeError:
        doc.add_next_tick_callback(partial(func, *args))


async def _dispatch_msgs(doc: Any) -> None:
    remaining: Dict[Any, List[dict]] = {}
    for conn, msgs in _WRITE_MSGS.pop(doc, {}).items():
        if conn.write_locked():
            remaining[conn] = msgs
            continue
        for msg in msgs:
            await conn.send(msg)
    if not remaining:
        _WRITE_BLOCK.pop(doc, None)
        return
    pending = _WRITE_MSGS.setdefault(doc, {})
    for conn, msgs in remaining.items():
        pending[conn] = msgs + pending.get(conn, [])
    await asyncio.sleep(0.01)
    _dispatch_write_task(doc, _dispatch_msgs, doc)  # LEAK


def write_messages(doc: Any, conn: Any, msgs: List[dict]) -> None:
    _WRITE_BLOCK[doc] = True
    _WRITE_MSGS.setdefault(doc, {}).setdefault(conn, []).extend(msgs)
    _dispatch_write_task(doc, _dispatch_msgs, doc)


def destroy_document(doc: Any, periodic: Dict[Any, list]) -> None:
    _WRITE_MSGS.pop(doc, None)
    for cb in periodic.pop(doc, []):
        cb.stop()
    doc.destroyed = True
