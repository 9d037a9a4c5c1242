from __future__ import annotations

from typing import List, Optional, Tuple


class TemplateDoesNotExist(Exception):
    """Raised when no loader finds a template; `tried` lists every path checked."""

    def __init__(self, msg: str, tried: Optional[List[Tuple[str, str]]] = None, backend=None, chain=None) -> None:
        self.backend = backend
        self.tried = tried or []
        self.chain = chain or []
        super().__init__(msg)
