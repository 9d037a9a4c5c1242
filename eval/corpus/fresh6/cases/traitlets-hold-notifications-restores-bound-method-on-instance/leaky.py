from __future__ import annotations

import contextlib
import types


class TraitError(Exception):
    pass


class HasTraits:
    def __init__(self, **kwargs) -> None:
        self._trait_values = {}
        self._trait_notifiers = {}
        self._cross_validation_lock = False
        with self.hold_trait_notifications():
            for key, value in kwargs.items():
                self.set_trait(key, value)

    def set_trait(self, name: str, value) -> None:
        old = self._trait_values.get(name)
        self._trait_values[name] = value
        self._notify_change(name, "trait_change", {"name": name, "old": old, "new": value, "owner": self})

    @contextlib.contextmanager
    def hold_trait_notifications(self):
        """Bundle trait change notifications and fire them when the block ends."""
        if self._cross_validation_lock is True:
            yield
            return
        cache = {}
        _notify_change = self._notify_change

        def hold(*a):
            cache.setdefault(a[0], []).append(a[2])

        try:
            self._notify_change = hold
            self._cross_validation_lock = True
            yield
        finally:
            # reset _notify_change to its original value and fire the held notifications
            self._notify_change = _notify_change  # LEAK
            self._cross_validation_lock = False
            for changes in cache.values():
                for change in changes:
                    self._notify_change(change["name"], "trait_change", change)

    def _notify_change(self, name: str, type: str, change: dict) -> None:
        for callback in self._trait_notifiers.get(name, {}).get(type, []):
            callback(change)
