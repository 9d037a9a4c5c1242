from __future__ import annotations

import weakref


class SearchIndex:
    def __init__(self, schema: dict, client_factory) -> None:
        self.schema = schema
        self._client = client_factory()
        weakref.finalize(self, self.disconnect)  # LEAK

    def disconnect(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
