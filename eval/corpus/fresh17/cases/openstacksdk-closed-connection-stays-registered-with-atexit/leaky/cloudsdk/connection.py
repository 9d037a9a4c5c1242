import atexit
import concurrent.futures
from typing import Any, Dict, Optional

from .config import CloudRegion


class Connection:
    def __init__(self, config: CloudRegion, strict_proxies: bool = False) -> None:
        self.config = config
        self._strict_proxies = strict_proxies
        self._proxies: Dict[str, Any] = {}
        self._session: Optional[Dict[str, Any]] = None
        self._pool_executor: Optional[concurrent.futures.ThreadPoolExecutor] = None
        # save the auth cache and stop the pool when the interpreter exits
        atexit.register(self.close)  # LEAK

    @property
    def session(self) -> Dict[str, Any]:
        if self._session is None:
            self._session = self.config.get_session()
        return self._session

    @property
    def pool_executor(self) -> concurrent.futures.ThreadPoolExecutor:
        if self._pool_executor is None:
            self._pool_executor = concurrent.futures.ThreadPoolExecutor(max_workers=5)
        return self._pool_executor

    def close(self) -> None:
        """Release any resources held open."""
        self.config.set_auth_cache()
        if self._pool_executor is not None:
            self._pool_executor.shutdown()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
