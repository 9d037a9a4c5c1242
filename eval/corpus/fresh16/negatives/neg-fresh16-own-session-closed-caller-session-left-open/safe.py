from typing import Any, Optional

import requests


class OneShot:
    def __init__(self, url: str, session: Optional[requests.Session] = None) -> None:
        self.url = url
        self.owns_session = session is None
        self.session = session if session is not None else requests.Session()
        self.response: Optional[Any] = None

    def send(self) -> "OneShot":
        try:
            self.response = self.session.get(self.url, timeout=10)
        finally:
            if self.owns_session:
                self.session.close()
        return self
