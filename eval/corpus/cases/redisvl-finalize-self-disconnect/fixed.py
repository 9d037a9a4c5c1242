from __future__ import annotations

import weakref


def _close_client(client) -> None:
    client.close()


class SearchIndex:
    def __init__(self, schema: dict, client_factory) -> None:
        self.schema = schema
        self._client = client_factory()
        self._finalizer = weakref.finalize(self, _close_client, self._client)

    def disconnect(self) -> None:
        self._finalizer()
        self._client = None
