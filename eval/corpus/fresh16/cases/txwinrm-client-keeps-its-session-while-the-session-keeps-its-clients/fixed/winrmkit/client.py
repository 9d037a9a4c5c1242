from typing import Any, Dict, Optional

from .sessions import SESSION_MANAGER, Session


class WinRMSession(Session):
    pass


class WinRMClient:
    def __init__(self, conn_info: Dict[str, Any]) -> None:
        self.key = f"{conn_info['hostname']}:{conn_info.get('username', '')}"
        self._conn_info = conn_info

    def _session(self) -> Optional[Session]:
        # looked up by key each time: the client never holds the session that holds it
        return SESSION_MANAGER.get_connection(self.key)

    def init_connection(self) -> None:
        SESSION_MANAGER.init_connection(self, WinRMSession)

    def decrypt_body(self, body: bytes) -> bytes:
        session = self._session()
        assert session is not None
        return session.decrypt_body(body)

    def close_connection(self) -> None:
        SESSION_MANAGER.close_connection(self)
