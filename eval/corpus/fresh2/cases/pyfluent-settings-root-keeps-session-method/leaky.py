from __future__ import annotations

from typing import Any, Callable

INTERRUPTIBLE = {"solution/run_calculation/iterate"}


class SettingsObject:
    def __init__(self, path: str, root: "SettingsRoot | None" = None) -> None:
        self.path = path
        self._root = root if root is not None else self

    def execute(self, **kwargs: Any) -> Any:
        try:
            return self._root._flproxy.execute_cmd(self.path, **kwargs)
        except KeyboardInterrupt:
            self._root._interrupt(self)
            raise


class SettingsRoot(SettingsObject):
    def __init__(self, flproxy: Any, interrupt: Callable[[SettingsObject], None]) -> None:
        super().__init__("")
        self._flproxy = flproxy
        self._interrupt = interrupt  # LEAK

    def child(self, path: str) -> SettingsObject:
        return SettingsObject(path, self)

    def stop_calculation(self) -> None:
        self._flproxy.execute_cmd("solution/run_calculation/interrupt")


def get_root(flproxy: Any, interrupt: Callable[[SettingsObject], None]) -> SettingsRoot:
    return SettingsRoot(flproxy, interrupt)


class Solver:
    def __init__(self, settings_service: Any) -> None:
        self._settings_service = settings_service
        self._settings_root: SettingsRoot | None = None

    def _interrupt(self, command: SettingsObject) -> None:
        if command.path in INTERRUPTIBLE:
            self.settings.stop_calculation()

    @property
    def settings(self) -> SettingsRoot:
        if self._settings_root is None:
            self._settings_root = get_root(self._settings_service, interrupt=self._interrupt)  # LEAK
        return self._settings_root
