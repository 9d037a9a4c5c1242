from __future__ import annotations

import itertools

from .signals import listen


class Message:
    def __init__(self, src_id=0, handle=0, data=None, is_dead=False):
        self.src_id = src_id
        self.handle = handle
        self.data = data
        self.is_dead = is_dead

    @classmethod
    def dead(cls):
        return cls(is_dead=True)


class Context:
    def __init__(self, router, context_id):
        self.router = router
        self.context_id = context_id


class Router:
    def __init__(self):
        self._last_handle = itertools.count(1000)
        #: handle -> (persistent?, func(msg), policy)
        self._handle_map = {}

    def del_handler(self, handle):
        del self._handle_map[handle]

    def add_handler(self, fn, handle=None, persist=True, policy=None, respondent=None):
        handle = handle or next(self._last_handle)
        if respondent:
            def policy(msg, _stream):
                return msg.is_dead or msg.src_id == respondent.context_id

            def on_disconnect():
                if handle in self._handle_map:
                    fn(Message.dead())
                    del self._handle_map[handle]

            listen(respondent, "disconnect", on_disconnect)  # LEAK

        self._handle_map[handle] = persist, fn, policy
        return handle

    def _invoke(self, msg, stream):
        try:
            persist, fn, policy = self._handle_map[msg.handle]
        except KeyError:
            return
        if policy and not policy(msg, stream):
            return
        if not persist:
            del self._handle_map[msg.handle]
        fn(msg)

    def call_async(self, context, reply_fn):
        """One remote call: its reply handle is removed after the reply arrives."""
        return self.add_handler(reply_fn, persist=False, respondent=context)
