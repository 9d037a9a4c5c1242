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
        #: handle -> (persistent?, func(msg), policy, respondent)
        self._handle_map = {}
        #: Context -> set of handles waiting for a reply from it
        self._handles_by_respondent = {}

    def del_handler(self, handle):
        _, _, _, respondent = self._handle_map.pop(handle)
        if respondent:
            self._handles_by_respondent[respondent].discard(handle)

    def add_handler(self, fn, handle=None, persist=True, policy=None, respondent=None):
        handle = handle or next(self._last_handle)
        self._handle_map[handle] = persist, fn, policy, respondent
        if respondent:
            # one listener per respondent, however many handlers wait on it
            if respondent not in self._handles_by_respondent:
                self._handles_by_respondent[respondent] = set()
                listen(respondent, "disconnect", lambda: self._on_respondent_disconnect(respondent))
            self._handles_by_respondent[respondent].add(handle)
        return handle

    def _on_respondent_disconnect(self, context):
        for handle in self._handles_by_respondent.pop(context, ()):
            _, fn, _, _ = self._handle_map[handle]
            fn(Message.dead())
            del self._handle_map[handle]

    def _invoke(self, msg, stream):
        try:
            persist, fn, policy, respondent = self._handle_map[msg.handle]
        except KeyError:
            return
        if respondent and not (msg.is_dead or msg.src_id == respondent.context_id):
            return
        if policy and not policy(msg, stream):
            return
        if not persist:
            self.del_handler(msg.handle)
        fn(msg)

    def call_async(self, context, reply_fn):
        """One remote call: its reply handle is removed after the reply arrives."""
        return self.add_handler(reply_fn, persist=False, respondent=context)
