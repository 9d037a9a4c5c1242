from __future__ import annotations

import collections
import inspect
import sys
import threading


def get_local_reprs(frame) -> dict:
    return {key: repr(value)[:100] for key, value in frame.f_locals.items()}


class Tracer:
    def __init__(self, write=print, depth: int = 1) -> None:
        self.write = write
        self.frame_to_local_reprs = collections.defaultdict(lambda: {})
        self.depth = depth
        self.target_codes = set()
        self.target_frames = set()
        self.thread_local = threading.local()

    def __call__(self, function):
        self.target_codes.add(function.__code__)

        def inner(*args, **kwargs):
            with self:
                return function(*args, **kwargs)

        return inner

    def __enter__(self) -> None:
        calling_frame = inspect.currentframe().f_back
        calling_frame.f_trace = self.trace
        self.target_frames.add(calling_frame)
        stack = self.thread_local.__dict__.setdefault("original_trace_functions", [])
        stack.append(sys.gettrace())
        sys.settrace(self.trace)

    def __exit__(self, exc_type, exc_value, exc_traceback) -> None:
        stack = self.thread_local.original_trace_functions
        sys.settrace(stack.pop())
        calling_frame = inspect.currentframe().f_back
        self.target_frames.discard(calling_frame)
        self.frame_to_local_reprs.pop(calling_frame, None)

    def trace(self, frame, event, arg):
        if frame.f_code not in self.target_codes and frame not in self.target_frames:
            return None

        old_local_reprs = self.frame_to_local_reprs[frame]
        self.frame_to_local_reprs[frame] = local_reprs = get_local_reprs(frame)
        for name, value_repr in local_reprs.items():
            if name not in old_local_reprs:
                self.write("New var:....... {} = {}".format(name, value_repr))
            elif old_local_reprs[name] != value_repr:
                self.write("Modified var:.. {} = {}".format(name, value_repr))

        self.write("{} {}".format(event, frame.f_lineno))
        if event == "return":
            self.write("Return value:.. {!r}".format(arg))
            del self.frame_to_local_reprs[frame]

        return self.trace
