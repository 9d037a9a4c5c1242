from __future__ import annotations

import weakref


class Watcher:
    _records: list = []

    @classmethod
    def watch(cls, target, event: str, callback) -> None:
        target.listeners.setdefault(event, []).append(callback)
        record = (weakref.ref(target), event, callback)
        cls._records.append(record)
        weakref.finalize(target, cls._forget, record)

    @classmethod
    def _forget(cls, record) -> None:
        try:
            cls._records.remove(record)
        except ValueError:
            pass
