import logging
from typing import Any, Callable, Dict, List, Optional

from .state_machine import StateEventHook, StateMachine

LOGGER = logging.getLogger(__name__)


class Process(StateMachine):
    def __init__(self, inputs: Dict[str, Any]) -> None:
        super().__init__()
        self.inputs = inputs
        self.outputs: Dict[str, Any] = {}
        self._cleanups: Optional[List[Callable[[], None]]] = []
        self._closed = False
        self._setup_event_hooks()

    def _setup_event_hooks(self) -> None:
        self.add_state_event_callback(
            StateEventHook.ENTERING_STATE, lambda _sm, _hook, state: self.on_entering(state)
        )
        self.add_state_event_callback(
            StateEventHook.ENTERED_STATE, lambda _sm, _hook, previous: self.on_entered(previous)
        )
        self.add_state_event_callback(
            StateEventHook.EXITING_STATE, lambda _sm, _hook, _state: self.on_exiting()
        )

    def on_entering(self, state: Any) -> None:
        LOGGER.debug("entering %s", state)

    def on_entered(self, previous: Optional[Any]) -> None:
        LOGGER.debug("left %s", previous)

    def on_exiting(self) -> None:
        LOGGER.debug("exiting")

    def add_cleanup(self, cleanup: Callable[[], None]) -> None:
        assert self._cleanups is not None
        self._cleanups.append(cleanup)

    def close(self) -> None:
        if self._closed:
            return
        try:
            for cleanup in self._cleanups or []:
                try:
                    cleanup()
                except Exception:
                    LOGGER.exception("cleanup %s failed", cleanup)
            self._cleanups = None
        finally:
            self._event_callbacks = {}
            self._closed = True
