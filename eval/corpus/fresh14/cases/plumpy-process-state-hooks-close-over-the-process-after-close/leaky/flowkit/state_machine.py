import enum
from typing import Any, Callable, Dict, Hashable, List, Optional

EventCallback = Callable[["StateMachine", Hashable, Optional[Any]], None]


class StateEventHook(enum.Enum):
    ENTERING_STATE = 0
    ENTERED_STATE = 1
    EXITING_STATE = 2


class StateMachine:
    def __init__(self) -> None:
        self._state: Optional[Any] = None
        self._event_callbacks: Dict[Hashable, List[EventCallback]] = {}

    def add_state_event_callback(self, hook: Hashable, callback: EventCallback) -> None:
        self._event_callbacks.setdefault(hook, []).append(callback)  # LEAK

    def remove_state_event_callback(self, hook: Hashable, callback: EventCallback) -> None:
        try:
            self._event_callbacks[hook].remove(callback)
        except (KeyError, ValueError):
            raise ValueError("callback not set for hook {!r}".format(hook))

    def _fire_state_event(self, hook: Hashable, state: Optional[Any]) -> None:
        for callback in self._event_callbacks.get(hook, []):
            callback(self, hook, state)

    def transition_to(self, new_state: Any) -> None:
        previous = self._state
        self._fire_state_event(StateEventHook.EXITING_STATE, previous)
        self._fire_state_event(StateEventHook.ENTERING_STATE, new_state)
        self._state = new_state
        self._fire_state_event(StateEventHook.ENTERED_STATE, previous)
