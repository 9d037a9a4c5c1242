from __future__ import annotations

from typing import Any, Callable


class Model:
    """A long-lived song model with GObject-like notify handlers."""

    def __init__(self, **props: Any) -> None:
        self._props = dict(props)
        self._handlers: dict[int, tuple[str, Callable[..., None]]] = {}
        self._next_id = 1

    def connect(self, signal: str, handler: Callable[..., None]) -> int:
        handler_id = self._next_id
        self._next_id += 1
        self._handlers[handler_id] = (signal, handler)  # LEAK
        return handler_id

    def disconnect(self, handler_id: int) -> None:
        self._handlers.pop(handler_id, None)

    def get_property(self, name: str) -> Any:
        return self._props.get(name)

    def set_property(self, name: str, value: Any) -> None:
        self._props[name] = value
        for signal, handler in list(self._handlers.values()):
            if signal == f"notify::{name}":
                handler(self)


class AppState:
    """Lives as long as the application and owns every loaded model."""

    def __init__(self) -> None:
        self.loaded_models: dict[str, Model] = {}

    def connect_to_model(self, model_id: str, parameter: str, callback: Callable[[Any], None]) -> int:
        model = self.loaded_models[model_id]
        handler_id = model.connect(
            f"notify::{parameter}",
            lambda *_, p=parameter, cb=callback: cb(model.get_property(p)),  # LEAK
        )
        callback(model.get_property(parameter))
        return handler_id


class SongRow:
    def __init__(self, state: AppState, song_id: str) -> None:
        self.parent: Any = None
        self.title = ""
        self.cover = b""
        state.connect_to_model(song_id, "title", self.on_title)  # LEAK

    def on_title(self, title: str) -> None:
        self.title = title


class SongList:
    def __init__(self, state: AppState) -> None:
        self.state = state
        self.rows: list[SongRow] = []

    def show(self, song_ids: list[str]) -> None:
        self.remove_all()
        for song_id in song_ids:
            row = SongRow(self.state, song_id)
            row.parent = self
            self.rows.append(row)

    def remove_all(self) -> None:
        for row in self.rows:
            row.parent = None
        self.rows.clear()
