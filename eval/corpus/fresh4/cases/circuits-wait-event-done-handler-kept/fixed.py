from __future__ import annotations

from types import MethodType


class _State:
    __slots__ = ("task", "run", "flag", "event", "timeout", "parent", "task_event", "tick_handler")

    def __init__(self, timeout):
        self.task = None
        self.run = False
        self.flag = False
        self.event = None
        self.timeout = timeout
        self.parent = None
        self.task_event = None
        self.tick_handler = None


def handler(*names, channel=None):
    def wrap(f):
        f.names = names
        f.channel = channel
        return f
    return wrap


class Manager:
    def __init__(self):
        self._handlers = {}
        self._tasks = set()

    def addHandler(self, f):
        method = MethodType(f, self)
        for name in f.names:
            self._handlers.setdefault(name, set()).add(method)
        return method

    def removeHandler(self, method, event):
        self._handlers[event].remove(method)
        if not self._handlers[event]:
            del self._handlers[event]

    def registerTask(self, g):
        self._tasks.add(g)

    def waitEvent(self, event_name, *channels, **kwargs):
        state = _State(timeout=kwargs.get("timeout", -1))

        def _on_event(self, event, *args, **kwargs):
            if not state.run:
                self.removeHandler(_on_event_handler, event_name)
                state.run = True
                state.event = event

        def _on_done(self, event, *args, **kwargs):
            if state.event == event.parent:
                state.flag = True
                self.registerTask((state.task_event, state.task, state.parent))
                if state.timeout > 0:
                    self.removeHandler(state.tick_handler, "generate_events")

        def _on_tick(self):
            if state.timeout == 0:
                self.removeHandler(_on_done_handler, "%s_done" % event_name)
                self.removeHandler(_on_tick_handler, "generate_events")
            elif state.timeout > 0:
                state.timeout -= 1

        for channel in channels or (None,):
            _on_event_handler = self.addHandler(handler(event_name, channel=channel)(_on_event))
            _on_done_handler = self.addHandler(handler("%s_done" % event_name, channel=channel)(_on_done))
            if state.timeout >= 0:
                _on_tick_handler = state.tick_handler = self.addHandler(
                    handler("generate_events", channel=channel)(_on_tick))

        yield state

        # always: with the default timeout (-1) the done handler would otherwise stay registered
        self.removeHandler(_on_done_handler, "%s_done" % event_name)

        if state.event is not None:
            yield state.event.value

    wait = waitEvent
