from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20)
def _build_verifier(issuer: str, key_url: str):
    return {"issuer": issuer, "key_url": key_url}


class Backend:
    def __init__(self, issuer: str, key_url: str) -> None:
        self.issuer = issuer
        self.key_url = key_url

    def get_verifier(self):
        return _build_verifier(self.issuer, self.key_url)
