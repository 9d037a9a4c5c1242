import asyncio
import weakref
from typing import Any, Coroutine, List

_tasks: "weakref.WeakKeyDictionary[Any, List[asyncio.Task]]" = weakref.WeakKeyDictionary()


def dispatch(doc: Any, coro: Coroutine[Any, Any, None]) -> None:
    task = asyncio.ensure_future(coro)
    tasks = _tasks.setdefault(doc, [])
    tasks.append(task)
    task.add_done_callback(tasks.remove)


def destroy(doc: Any) -> None:
    for task in _tasks.pop(doc, []):
        task.cancel()
