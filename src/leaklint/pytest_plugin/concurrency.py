"""Threads and asyncio tasks a test leaves running, with where they were started.

Threads (what pyleak's ``no_thread_leaks`` reports, per test): threads started during the test's
call that are alive, not daemon threads, and not the default executor's ``asyncio_N`` workers once
its teardown is done and a grace period (0.1 s, pyleak's default) has passed. Where: the Thread
object's allocation traceback (tracemalloc), else its target's definition.

Tasks (what pyleak's ``no_task_leaks`` reports, plus tasks cancelled by the loop's shutdown):
while the plugin is on, ``BaseEventLoop.create_task`` records the creation stack of each task a
test creates (a weak reference: the plugin never keeps a task alive). A task is leaked if it is
still pending when the test's call ends, or if ``asyncio.run()``/``asyncio.Runner`` had to cancel
it when the loop shut down (it was pending at the end of the test's loop).
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
import asyncio.runners
import re
import threading
import time
import weakref
from typing import Any, Callable, List, Optional, Set

from leaklint.pytest_plugin.leaks import RuntimeLeak, Site
from leaklint.pytest_plugin.sites import allocation_frames, call_stack, code_span, user_frames

GRACE_PERIOD = 0.1
_EXECUTOR_THREAD = re.compile(r"^asyncio_\d+$")


class ThreadWatch:
    def __init__(self) -> None:
        self._before: Set[threading.Thread] = set()
        self._started: List[threading.Thread] = []

    def call_started(self) -> None:
        self._before = set(threading.enumerate())
        self._started = []

    def call_ended(self) -> None:
        self._started = [t for t in threading.enumerate() if t not in self._before]
        self._before = set()

    def finish(self, test: str) -> List[RuntimeLeak]:
        candidates = [t for t in self._started if _counts(t)]
        self._started = []
        deadline = time.monotonic() + GRACE_PERIOD
        for thread in candidates:
            thread.join(max(deadline - time.monotonic(), 0))
        return [thread_leak(t, test) for t in candidates if _counts(t)]


def _counts(thread: threading.Thread) -> bool:
    return (
        thread.is_alive()
        and not thread.daemon
        and thread is not threading.current_thread()
        and not _EXECUTOR_THREAD.match(thread.name or "")
    )


def thread_leak(thread: threading.Thread, test: str) -> RuntimeLeak:
    frames = user_frames(allocation_frames(thread))
    target = getattr(thread, "_target", None)
    code = getattr(target, "__code__", None)
    span = code_span(code) if code is not None else None
    site: Optional[Site] = frames[0] if frames else ((span[0], span[1]) if span else None)
    what = getattr(target, "__qualname__", None) or type(thread).__qualname__
    return RuntimeLeak(
        test=test,
        kind="threads",
        codes=["LKL303"],
        type=type(thread).__qualname__,
        summary=f"non-daemon thread {thread.name!r} (running {what}) is still alive after the test and was never joined",
        path=site[0] if site else None,
        line=site[1] if site else None,
        traceback=frames[:20],
    )


class TaskWatch:
    """Installed once per session: records tasks created while a test's call runs."""

    def __init__(self) -> None:
        self._created: "weakref.WeakKeyDictionary[asyncio.Task[Any], List[Site]]" = weakref.WeakKeyDictionary()
        self._cancelled_at_shutdown: "weakref.WeakKeyDictionary[asyncio.Task[Any], str]" = weakref.WeakKeyDictionary()
        self._active = False
        self._original_create_task: Optional[Callable[..., Any]] = None
        self._original_cancel_all: Optional[Callable[..., Any]] = None
        self._shutdown_leaks: List[asyncio.Task[Any]] = []

    def install(self) -> None:
        watch = self
        original = asyncio.base_events.BaseEventLoop.create_task
        self._original_create_task = original

        def create_task(loop: Any, coro: Any, *args: Any, **kwargs: Any) -> Any:
            task = original(loop, coro, *args, **kwargs)
            if watch._active:
                try:
                    watch._created[task] = call_stack(skip=1)
                except TypeError:  # a task factory returned something not weak-referenceable
                    pass
            return task

        asyncio.base_events.BaseEventLoop.create_task = create_task  # type: ignore[assignment]
        cancel_all = getattr(asyncio.runners, "_cancel_all_tasks", None)
        if cancel_all is not None:
            self._original_cancel_all = cancel_all

            def cancel_all_tasks(loop: Any) -> Any:
                if watch._active:
                    for task in asyncio.all_tasks(loop):
                        if not task.done() and task in watch._created:
                            watch._shutdown_leaks.append(task)
                return cancel_all(loop)

            asyncio.runners._cancel_all_tasks = cancel_all_tasks  # type: ignore[attr-defined]

    def uninstall(self) -> None:
        if self._original_create_task is not None:
            asyncio.base_events.BaseEventLoop.create_task = self._original_create_task  # type: ignore[assignment]
        if self._original_cancel_all is not None:
            asyncio.runners._cancel_all_tasks = self._original_cancel_all  # type: ignore[attr-defined]

    def call_started(self) -> None:
        self._created = weakref.WeakKeyDictionary()
        self._shutdown_leaks = []
        self._active = True

    def call_ended(self, test: str) -> List[RuntimeLeak]:
        self._active = False
        leaks: List[RuntimeLeak] = []
        seen: Set[int] = set()
        for task, when in [(t, "cancelled when its event loop shut down") for t in self._shutdown_leaks] + [
            (t, "still pending when the test ended") for t in list(self._created.keys()) if not t.done()
        ]:
            if id(task) in seen:
                continue
            seen.add(id(task))
            leaks.append(task_leak(task, self._created.get(task, []), when, test))
        self._shutdown_leaks = []
        self._created = weakref.WeakKeyDictionary()
        return leaks


def task_leak(task: "asyncio.Task[Any]", stack: List[Site], when: str, test: str) -> RuntimeLeak:
    frames = user_frames(stack)
    coro = task.get_coro() if hasattr(task, "get_coro") else None
    name = getattr(coro, "__qualname__", None) or repr(coro)
    return RuntimeLeak(
        test=test,
        kind="tasks",
        codes=["LKL304"],
        type=type(task).__qualname__,
        summary=f"asyncio task {task.get_name()!r} running {name}() was {when}: nothing kept or awaited it",
        path=frames[0][0] if frames else None,
        line=frames[0][1] if frames else None,
        traceback=frames[:20],
    )
