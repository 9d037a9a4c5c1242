from __future__ import annotations

import types
import weakref


class Framework:
    def __init__(self, storage) -> None:
        self._storage = storage
        self._observers = []  # [(observer_path, method_name, parent_path, event_kind)]
        self._observer = weakref.WeakValueDictionary()  # {observer_path: observer}

    def observe(self, bound_event, observer) -> None:
        """Register observer to be called when bound_event is emitted."""
        event_kind = bound_event.event_kind
        emitter_path = bound_event.emitter.handle.path

        if isinstance(observer, types.MethodType):
            method_name = observer.__name__
            observer = observer.__self__
        else:
            method_name = "on_" + event_kind
            if not hasattr(observer, method_name):
                raise RuntimeError(f'{type(observer).__name__} type has no "{method_name}" method')

        self._observer[observer.handle.path] = observer
        self._observers.append((observer.handle.path, method_name, emitter_path, event_kind))

    def _emit(self, event) -> None:
        event_path = event.handle.path
        for observer_path, method_name, parent_path, event_kind in self._observers:
            if parent_path != event.handle.parent.path:
                continue
            if event_kind and event_kind != event.handle.kind:
                continue
            self._storage.save_notice(event_path, observer_path, method_name)
        self._reemit(event_path)

    def _reemit(self, single_event_path=None) -> None:
        for event_path, observer_path, method_name in self._storage.notices(single_event_path):
            event = self._storage.load_snapshot(event_path)
            observer = self._observer.get(observer_path)
            if observer:
                custom_handler = getattr(observer, method_name, None)
                if custom_handler:
                    custom_handler(event)
