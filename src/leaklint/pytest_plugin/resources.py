"""ResourceWarnings raised while a test runs (and by its teardown's collection) as findings.

CPython warns when a file, socket, subprocess or event-loop transport is finalized while still
open, and passes the object as the warning's ``source``. With tracemalloc tracing,
``tracemalloc.get_object_traceback(source)`` is where it was opened: the line to fix.

The test's warnings go through a ``warnings.catch_warnings`` nested inside pytest's own, whose
show hook turns each ResourceWarning into a finding at once (they are shown as ``always``) and hands
every other warning on unchanged to pytest's recorder when the test ends, so ``-W``,
``filterwarnings`` and the warnings summary behave as without the plugin.
"""

from __future__ import annotations

import io
import warnings
from typing import Any, List, Optional

from leaklint.pytest_plugin.leaks import RuntimeLeak
from leaklint.pytest_plugin.sites import allocation_frames, user_frames


class WarningWatch:
    def __init__(self) -> None:
        self._context: Optional[Any] = None
        self._forward: List[warnings.WarningMessage] = []
        self.leaks: List[RuntimeLeak] = []
        self._test = ""

    def start(self, test: str) -> None:
        self._test = test
        self.leaks = []
        self._forward = []
        self._context = warnings.catch_warnings(record=True)
        self._context.__enter__()
        # Handle each warning as it is shown: a ResourceWarning is shown from inside its source's
        # finalizer, the last moment tracemalloc still has the allocation traceback (resurrecting
        # the object by keeping it would replace that traceback with the current stack).
        warnings._showwarnmsg_impl = self._show  # type: ignore[attr-defined]
        warnings.filterwarnings("always", category=ResourceWarning)

    def _show(self, message: warnings.WarningMessage) -> None:
        if issubclass(message.category, ResourceWarning):
            self.leaks.append(resource_leak(message, self._test))
            message.source = None  # type: ignore[attr-defined] # let the object go as it would have
        else:
            self._forward.append(message)

    def stop(self) -> List[RuntimeLeak]:
        context, self._context = self._context, None
        if context is not None:
            context.__exit__(None, None, None)
        for message in self._forward:
            # Back in pytest's scope: its recorder sees the warning exactly as it was raised.
            warnings._showwarnmsg(message)  # type: ignore[attr-defined]
        self._forward = []
        return self.leaks


def resource_leak(message: warnings.WarningMessage, test: str) -> RuntimeLeak:
    source = getattr(message, "source", None)
    frames = user_frames(allocation_frames(source)) if source is not None else []
    text = str(message.message).splitlines()[0] if str(message.message) else "unclosed resource"
    is_file = isinstance(source, io.IOBase) or text.startswith("unclosed file")
    type_name = type(source).__qualname__ if source is not None else "resource"
    if not frames and message.filename and user_frames([(message.filename, message.lineno)]):
        # No allocation traceback: the best we have is where the last reference went away.
        frames = [(message.filename, message.lineno)]
        text += " (site: where it was finalized; tracemalloc had no allocation traceback)"
    return RuntimeLeak(
        test=test,
        kind="resources",
        codes=["LKL301"] if is_file else ["LKL302"],
        type=type_name,
        summary=f"ResourceWarning: {text}",
        path=frames[0][0] if frames else None,
        line=frames[0][1] if frames else None,
        traceback=frames[:20],
    )
