from __future__ import annotations


class Scanner:
    def __init__(self, url: str, login: str, password: str, session) -> None:
        self.url = url
        self.session = session
        self.token = session.post(f"{url}/session", json={"username": login, "password": password}).json()["token"]

    def logout(self) -> None:
        self.session.delete(f"{self.url}/session", headers={"X-Cookie": f"token={self.token}"})

    def __enter__(self) -> "Scanner":
        return self

    def __exit__(self, *exc_info) -> None:
        self.logout()
