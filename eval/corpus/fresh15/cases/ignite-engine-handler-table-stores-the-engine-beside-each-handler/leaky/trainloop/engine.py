import enum
import inspect
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
            self._event_handlers[event].append((handler, (self,) + args, kwargs))  # LEAK
        else:
            self._event_handlers[event].append((handler, args, kwargs))

    def _fire_event(self, event: Events) -> None:
        for func, args, kwargs in self._event_handlers[event]:
            first, others = ((args[0],), args[1:]) if (args and args[0] is self) else ((), args)
            func(*first, *others, **kwargs)

    def run(self, data: Iterable[Any]) -> State:
        self._fire_event(Events.STARTED)
        for batch in data:
            self.state.iteration += 1
            self.state.output = self._step(self, batch)
            self._fire_event(Events.ITERATION_COMPLETED)
        self._fire_event(Events.COMPLETED)
        return self.state
