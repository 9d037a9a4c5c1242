import inspect
import weakref
from functools import partial


class EventDispatcher:
    def __init__(self) -> None:
        self._stack = []

    def push_handlers(self, obj) -> None:
        frame = {}
        for name in dir(obj):
            if name.startswith("on_"):
                method = getattr(obj, name)
                if inspect.ismethod(method):
                    frame[name] = weakref.WeakMethod(method, partial(self._remove, name))
        self._stack.insert(0, frame)

    def _remove(self, name, ref) -> None:
        for frame in list(self._stack):
            if frame.get(name) is ref:
                del frame[name]
                if not frame:
                    self._stack.remove(frame)

    def dispatch(self, name, *args) -> bool:
        for frame in list(self._stack):
            ref = frame.get(name)
            handler = ref() if ref is not None else None
            if handler is not None and handler(*args):
                return True
        return False
