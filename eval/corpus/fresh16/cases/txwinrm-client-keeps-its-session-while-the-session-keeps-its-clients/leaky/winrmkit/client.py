from typing import Any, Dict, Optional

from .sessions import SESSION_MANAGER, Session


class WinRMSession(Session):
    pass


class WinRMClient:
    def __init__(self, conn_info: Dict[str, Any]) -> None:
        self.key = f"{conn_info['hostname']}:{conn_info.get('username', '')}"
        self._conn_info = conn_info
        self.session_manager = SESSION_MANAGER
        self._session: Optional[Session] = None

    def init_connection(self) -> None:
        self.session_manager.init_connection(self, WinRMSession)
        self._session = self.session_manager.get_connection(self.key)  # LEAK

    def decrypt_body(self, body: bytes) -> bytes:
        assert self._session is not None
        return self._session.decrypt_body(body)

    def close_connection(self) -> None:
        self.session_manager.close_connection(self)
