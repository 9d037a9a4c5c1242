from __future__ import annotations

import code
from typing import List

from stem.control import Controller

MAX_EVENTS = 100


class ControlInterpreter(code.InteractiveConsole):
    """The interactive prompt that nyx keeps open next to its panels."""

    def __init__(self, controller: Controller) -> None:
        self._received_events: List[str] = []
        code.InteractiveConsole.__init__(self, {"controller": controller, "events": self.get_events})
        self._controller = controller

        # Intercept events at a low level, since the user may ask for them
        # with direct SETEVENTS calls.
        handle_event_real = self._controller._handle_event

        def handle_event_wrapper(event_message: str) -> None:
            handle_event_real(event_message)
            self._received_events.insert(0, event_message)

            if len(self._received_events) > MAX_EVENTS:
                self._received_events.pop()

        self._controller._handle_event = handle_event_wrapper

    def get_events(self, *event_types: str) -> List[str]:
        wanted = [event_type.upper() for event_type in event_types]
        events = list(self._received_events)
        if wanted:
            events = [event for event in events if event.split(" ", 1)[0] in wanted]
        return events

    def do_events(self, arg: str) -> str:
        if "CLEAR" in arg.upper().split():
            del self._received_events[:]
            return "cleared event backlog"
        return "\n".join(self.get_events(*arg.split()))
