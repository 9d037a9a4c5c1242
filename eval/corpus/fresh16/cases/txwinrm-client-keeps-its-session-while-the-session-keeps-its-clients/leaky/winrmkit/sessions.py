from typing import Any, Dict, Optional, Set, Type


class Session:
    def __init__(self) -> None:
        self._token: Optional[str] = None
        self._clients: Set[Any] = set()

    def login(self, client: Any) -> str:
        if self._token is None:
            self._token = f"token-for-{client.key}"
        self._clients.add(client)
        return self._token

    def logout(self, client: Any) -> None:
        self._clients.discard(client)
        if not self._clients:
            self._token = None

    def decrypt_body(self, body: bytes) -> bytes:
        return body


class SessionManager:
    def __init__(self) -> None:
        self._sessions: Dict[str, Session] = {}

    def get_connection(self, key: str) -> Optional[Session]:
        return self._sessions.get(key)

    def init_connection(self, client: Any, session_class: Type[Session]) -> str:
        session = self._sessions.get(client.key)
        if session is None:
            session = session_class()
            self._sessions[client.key] = session
        return session.login(client)

    def close_connection(self, client: Any) -> None:
        session = self._sessions.get(client.key)
        if session is not None:
            session.logout(client)


SESSION_MANAGER = SessionManager()
