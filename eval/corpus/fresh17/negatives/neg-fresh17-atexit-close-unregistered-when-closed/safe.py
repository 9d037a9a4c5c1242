import atexit
from typing import Any, Dict, Optional


class ApiClient:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self._session: Optional[Dict[str, Any]] = {"endpoint": endpoint}
        atexit.register(self.close)

    def request(self, path: str) -> Dict[str, Any]:
        if self._session is None:
            raise RuntimeError("client is closed")
        return {"url": self.endpoint + path}

    def close(self) -> None:
        self._session = None
        atexit.unregister(self.close)

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
