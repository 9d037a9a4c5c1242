from __future__ import annotations

import decimal
import json

from .request import get_raw


class ChainRpc:
    def __init__(self, provider_uri: str, timeout: int = 60) -> None:
        self.provider_uri = provider_uri
        self.timeout = timeout

    def get(self, endpoint: str):
        raw = get_raw(self.provider_uri, endpoint, timeout=self.timeout)
        return json.loads(raw.decode("utf-8"), parse_float=decimal.Decimal)

    def block(self, block_id) -> dict:
        return self.get(f"/chains/main/blocks/{block_id}")
