"""A finite state machine whose callbacks are attributes named on<state> / on<event>."""

from __future__ import annotations


class FysomError(Exception):
    pass


class Fysom:
    def __init__(self, initial=None, events=(), callbacks=None):
        self.current = "none"
        self._map = {}
        for name, src, dst in events:
            self._map.setdefault(name, {})[src] = dst
            setattr(self, name, self._build_event(name))
        callbacks = callbacks or {}
        # register every callback into this object's namespace
        for name in callbacks:
            setattr(self, name, callbacks[name])  # LEAK
        if initial:
            self._change_state(initial, None)

    def _build_event(self, event):
        def fire(*args):
            dst = self._map[event].get(self.current)
            if dst is None:
                raise FysomError("event %s inappropriate in state %s" % (event, self.current))
            self._change_state(dst, args)
        return fire

    def _change_state(self, dst, args):
        self.current = dst
        handler = getattr(self, "on" + dst, None)
        if handler is not None:
            handler(*(args or ()))
