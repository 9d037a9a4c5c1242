import threading
import time
from typing import Any, Callable, Dict

from oauthlib.oauth2 import OAuth2Error
from requests_oauthlib import OAuth2Session


class TrackAuth:
    _lock = threading.RLock()

    def __init__(self, session_factory: Callable[[], OAuth2Session]) -> None:
        self.session_factory = session_factory
        self.session = session_factory()
        self.token_expires_at = 0.0

    def __call__(self, request: Any) -> Any:
        if self.token_expires_at - time.time() < 30:
            self._refresh_token()
        request.url, request.headers, request.body = self.session._client.add_token(
            request.url, http_method=request.method, body=request.body, headers=request.headers)
        return request

    def _refresh_token(self) -> None:
        with self._lock:
            try:
                self._refresh_session_token()
            except OAuth2Error:
                # the session is no longer valid: start again with a fresh one
                try:
                    self.session.close()
                except Exception:
                    pass
                self.session = self.session_factory()
                self._refresh_session_token()

    def _refresh_session_token(self) -> None:
        self.session.refresh_token(self.session.auto_refresh_url, verify=self.session.verify)
        token: Dict[str, Any] = self.session.token or {}
        self.token_expires_at = float(token.get("expires_at", 0))


def make_authenticator(api_token: str, token_client: Any, refresh_url: str) -> TrackAuth:
    def session_factory() -> OAuth2Session:
        tokens = token_client.exchange_api_token(api_token)
        session = OAuth2Session(client_id="track-cli", token={"access_token": tokens["accessToken"],
                                                              "refresh_token": tokens["refreshToken"]},
                                auto_refresh_url=refresh_url)
        return session
    return TrackAuth(session_factory)
