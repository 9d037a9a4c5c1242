from __future__ import annotations

from typing import Any, Dict, List


class Deferred:
    def __init__(self) -> None:
        self.callbacks: List[tuple] = []

    def addCallback(self, fn, *args: Any) -> "Deferred":
        self.callbacks.append((fn, args))
        return self


class Reply:
    def __init__(self, documents: List[dict], cursor_id: int) -> None:
        self.documents = documents
        self.cursor_id = cursor_id


class Collection:
    def __init__(self, database: str, name: str, protocol) -> None:
        self.full_name = f"{database}.{name}"
        self.protocol = protocol

    def find_with_cursor(self, spec: Dict[str, Any], limit: int = 0, batch_size: int = 100) -> Deferred:
        def query(protocol) -> Deferred:
            deferred_query = protocol.send_QUERY(self.full_name, spec, batch_size)
            deferred_query.addCallback(after_reply, protocol)
            return deferred_query

        def after_reply(reply: Reply, protocol, fetched: int = 0):  # LEAK
            documents = reply.documents
            fetched += len(documents)
            out = documents[: limit - fetched + len(documents)] if limit > 0 else documents
            if reply.cursor_id and (limit == 0 or fetched < limit):
                next_reply = protocol.send_GETMORE(self.full_name, reply.cursor_id, batch_size)
                next_reply.addCallback(after_reply, protocol, fetched)  # LEAK
                return out, next_reply
            return out, None

        return query(self.protocol)
