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
        self._handlers[handler_id] = (signal, handler)
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
            lambda *_, p=parameter, cb=callback: cb(model.get_property(p)),
        )
        callback(model.get_property(parameter))
        widget = getattr(callback, "__self__", None)
        if widget is not None:
            # drop the handler as soon as the widget leaves the tree
            widget.on_unparent(lambda: model.disconnect(handler_id))
        return handler_id


class SongRow:
    def __init__(self, state: AppState, song_id: str) -> None:
        self._parent: Any = None
        self._on_unparent: list[Callable[[], None]] = []
        self.title = ""
        self.cover = b""
        state.connect_to_model(song_id, "title", self.on_title)

    @property
    def parent(self) -> Any:
        return self._parent

    @parent.setter
    def parent(self, value: Any) -> None:
        self._parent = value
        if value is None:
            for disconnect in self._on_unparent:
                disconnect()
            self._on_unparent.clear()

    def on_unparent(self, fn: Callable[[], None]) -> None:
        self._on_unparent.append(fn)

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
