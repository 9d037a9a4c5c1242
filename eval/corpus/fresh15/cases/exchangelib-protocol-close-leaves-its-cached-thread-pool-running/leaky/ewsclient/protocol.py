import logging
from multiprocessing.pool import ThreadPool
from queue import Empty, LifoQueue
from threading import Lock
from typing import Any, Dict, Tuple

import requests
from cached_property import threaded_cached_property

log = logging.getLogger(__name__)


class CachingProtocol(type):
    _protocol_cache: Dict[Tuple[str, str], Any] = {}
    _protocol_cache_lock = Lock()

    def __call__(cls, server: str, username: str) -> Any:
        key = (server, username)
        with cls._protocol_cache_lock:
            protocol = cls._protocol_cache.get(key)
            if protocol is None:
                protocol = super().__call__(server, username)
                cls._protocol_cache[key] = protocol
            return protocol

    @classmethod
    def clear_cache(mcs) -> None:
        for protocol in mcs._protocol_cache.values():
            protocol.close()
        mcs._protocol_cache.clear()


def close_connections() -> None:
    CachingProtocol.clear_cache()


class BaseProtocol:
    SESSION_POOLSIZE = 4

    def __init__(self, server: str, username: str) -> None:
        self.server = server
        self.username = username
        self._session_pool_size = self.SESSION_POOLSIZE
        self._session_pool: "LifoQueue[requests.Session]" = LifoQueue(maxsize=self._session_pool_size)
        for _ in range(self._session_pool_size):
            self._session_pool.put(requests.Session(), block=False)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def close(self) -> None:
        log.debug("Server %s: closing sessions", self.server)
        while True:
            try:
                self._session_pool.get(block=False).close()
            except Empty:
                break

    def get_session(self) -> requests.Session:
        return self._session_pool.get(timeout=60)

    def release_session(self, session: requests.Session) -> None:
        self._session_pool.put(session, block=False)


class Protocol(BaseProtocol, metaclass=CachingProtocol):
    @threaded_cached_property
    def thread_pool(self) -> ThreadPool:
        # the pool must not be larger than the connections allowed to the server
        return ThreadPool(processes=4 * self._session_pool_size)  # LEAK

    def post(self, url: str, payload: bytes) -> bytes:
        session = self.get_session()
        try:
            resp = session.post(url, data=payload, timeout=120)
            resp.raise_for_status()
            return resp.content
        finally:
            self.release_session(session)
