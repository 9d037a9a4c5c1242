import enum
import inspect
import weakref
from collections import defaultdict
from typing import Any, Callable, DefaultDict, Iterable, List, Tuple


class Events(enum.Enum):
    STARTED = "started"
    ITERATION_COMPLETED = "iteration_completed"
    COMPLETED = "completed"


class State:
    def __init__(self) -> None:
        self.iteration = 0
        self.output: Any = None


def _accepts(handler: Callable[..., Any], *args: Any) -> bool:
    try:
        inspect.signature(handler).bind(*args)
    except TypeError:
        return False
    return True


class Engine:
    def __init__(self, step: Callable[["Engine", Any], Any]) -> None:
        self._step = step
        self.state = State()
        self._event_handlers: DefaultDict[Any, List[Tuple[Callable[..., Any], Tuple[Any, ...], dict]]] = defaultdict(list)

    def add_event_handler(self, event: Events, handler: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        if _accepts(handler, self, *args):
            # A weak reference, so the table does not keep its own engine alive.
            self._event_handlers[event].append((handler, (weakref.ref(self),) + args, kwargs))
        else:
            self._event_handlers[event].append((handler, args, kwargs))

    def _fire_event(self, event: Events) -> None:
        for func, args, kwargs in self._event_handlers[event]:
            if args and isinstance(args[0], weakref.ref):
                engine = args[0]()
                if engine is None:
                    raise RuntimeError("engine is gone; cannot run its handler")
                first, others = (engine,), args[1:]
            else:
                first, others = (), args
            func(*first, *others, **kwargs)

    def run(self, data: Iterable[Any]) -> State:
        self._fire_event(Events.STARTED)
        for batch in data:
            self.state.iteration += 1
            self.state.output = self._step(self, batch)
            self._fire_event(Events.ITERATION_COMPLETED)
        self._fire_event(Events.COMPLETED)
        return self.state
