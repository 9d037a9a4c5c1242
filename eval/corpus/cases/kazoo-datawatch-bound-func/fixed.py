from __future__ import annotations

import inspect
import weakref


class Client:
    def __init__(self) -> None:
        self._data_watchers: dict = {}

    def add_watch(self, path: str, watcher) -> None:
        self._data_watchers.setdefault(path, set()).add(watcher)


class DataWatch:
    def __init__(self, client: Client, path: str, func) -> None:
        self._client = client
        self._path = path
        self._func = weakref.WeakMethod(func) if inspect.ismethod(func) else (lambda: func)
        client.add_watch(path, self._watcher)

    def _watcher(self, event) -> None:
        func = self._func()
        if func is not None:
            func(event)


class ConfigView:
    def __init__(self, client: Client) -> None:
        self.values: dict = {}
        DataWatch(client, "/config", self.on_change)

    def on_change(self, event) -> None:
        self.values[event.path] = event.data
