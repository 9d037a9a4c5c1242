from typing import Any, Dict, Set


class Router:
    def __init__(self) -> None:
        self.by_authid: Dict[str, Set[Any]] = {}

    def joined(self, session: Any, authid: str) -> None:
        self.by_authid.setdefault(authid, set()).add(session)

    def left(self, session: Any, authid: str) -> None:
        sessions = self.by_authid.get(authid)
        if sessions is None:
            return
        sessions.discard(session)
        if not sessions:
            del self.by_authid[authid]
