from __future__ import annotations

from collections import defaultdict
from weakref import ref

ANY = object()
ANY_ID = 0


def hashable_identity(obj):
    if hasattr(obj, "__func__"):
        return (id(obj.__func__), id(obj.__self__))
    if isinstance(obj, (str, int)):
        return obj
    return id(obj)


class Signal:
    def __init__(self, doc: str | None = None) -> None:
        self.__doc__ = doc
        self.receivers = {}
        self._by_receiver = defaultdict(set)  # LEAK
        self._by_sender = defaultdict(set)
        self._weak_senders = {}

    def connect(self, receiver, sender=ANY, weak: bool = True):
        receiver_id = hashable_identity(receiver)
        receiver_ref = ref(receiver, self._cleanup_receiver) if weak else receiver
        sender_id = ANY_ID if sender is ANY else hashable_identity(sender)

        self.receivers.setdefault(receiver_id, receiver_ref)
        self._by_sender[sender_id].add(receiver_id)
        self._by_receiver[receiver_id].add(sender_id)  # LEAK

        if sender is not ANY and sender_id not in self._weak_senders:
            # wire together a cleanup for weakref-able senders
            try:
                sender_ref = ref(sender, lambda r, sid=sender_id: self._cleanup_sender(sid))
            except TypeError:
                pass
            else:
                self._weak_senders.setdefault(sender_id, sender_ref)
        return receiver

    def send(self, sender=None, **kwargs):
        sender_id = hashable_identity(sender)
        ids = self._by_sender[ANY_ID] | self._by_sender.get(sender_id, set())
        results = []
        for receiver_id in ids:
            receiver = self.receivers.get(receiver_id)
            if isinstance(receiver, ref):
                receiver = receiver()
            if receiver is not None:
                results.append((receiver, receiver(sender, **kwargs)))
        return results

    def disconnect(self, receiver, sender=ANY) -> None:
        sender_id = ANY_ID if sender is ANY else hashable_identity(sender)
        self._disconnect(hashable_identity(receiver), sender_id)

    def _disconnect(self, receiver_id, sender_id) -> None:
        if sender_id == ANY_ID:
            if self._by_receiver.pop(receiver_id, False):
                for bucket in self._by_sender.values():
                    bucket.discard(receiver_id)
            self.receivers.pop(receiver_id, None)
        else:
            self._by_sender[sender_id].discard(receiver_id)

    def _cleanup_receiver(self, receiver_ref) -> None:
        for receiver_id, candidate in list(self.receivers.items()):
            if candidate is receiver_ref:
                self._disconnect(receiver_id, ANY_ID)

    def _cleanup_sender(self, sender_id) -> None:
        self._weak_senders.pop(sender_id, None)
        for receiver_id in self._by_sender.pop(sender_id, ()):
            self._by_receiver[receiver_id].discard(sender_id)
