from __future__ import annotations

import weakref
from typing import Any

from .api_wrapper import ApiWrapper


class ClientHandler:
    def __init__(self, session) -> None:
        self.weaksession = weakref.ref(session)
        self.api = ApiWrapper(self)  # LEAK
        self.api.on_notification("eslint/status", self.on_status)
        self.status = ""

    def on_status(self, params: Any) -> None:
        self.status = str(params)
