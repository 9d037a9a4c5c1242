from __future__ import annotations

import atexit


class Scanner:
    def __init__(self, url: str, login: str, password: str, session) -> None:
        self.url = url
        self.session = session
        self.token = session.post(f"{url}/session", json={"username": login, "password": password}).json()["token"]
        atexit.register(self.logout)  # LEAK

    def logout(self) -> None:
        self.session.delete(f"{self.url}/session", headers={"X-Cookie": f"token={self.token}"})
