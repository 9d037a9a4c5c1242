import logging
from typing import Any, Dict, Set

log = logging.getLogger(__name__)


class Router:
    def __init__(self, realm: str) -> None:
        self.realm = realm
        self._session_id_to_session: Dict[int, Any] = {}
        self._authrole_to_sessions: Dict[str, Set[Any]] = {}
        self._authid_to_sessions: Dict[str, Set[Any]] = {}

    def attach(self, session: Any) -> None:
        if session.session_id in self._session_id_to_session:
            raise Exception("session with ID {} already attached".format(session.session_id))
        self._session_id_to_session[session.session_id] = session

    def detach(self, session: Any) -> None:
        self._session_id_to_session.pop(session.session_id, None)

    def _session_joined(self, session: Any, details: Dict[str, Any]) -> None:
        self._authrole_to_sessions.setdefault(details["authrole"], set()).add(session)
        self._authid_to_sessions.setdefault(details["authid"], set()).add(session)
        log.info('session "%s" joined realm "%s"', details["session"], self.realm)

    def _session_left(self, session: Any, details: Dict[str, Any]) -> None:
        self._authid_to_sessions[details["authid"]].discard(session)
        if not self._authid_to_sessions[details["authid"]]:
            del self._authid_to_sessions[details["authid"]]
        self._authrole_to_sessions[details["authrole"]].discard(session)
        log.info('session "%s" left realm "%s"', details["session"], self.realm)
