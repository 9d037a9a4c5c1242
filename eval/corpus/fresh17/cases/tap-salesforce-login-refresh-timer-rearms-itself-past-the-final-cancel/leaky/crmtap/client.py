import logging
import threading

import requests

REFRESH_EVERY = 15 * 60
TOKEN_URL = "https://login.example.com/services/oauth2/token"
log = logging.getLogger(__name__)


class CrmClient:
    def __init__(self, refresh_token, client_id, client_secret):
        self.refresh_token = refresh_token
        self.client_id = client_id
        self.client_secret = client_secret
        self.session = requests.Session()
        self.access_token = None
        self.login_timer = None
        self.requests_made = 0

    def login(self):
        body = {"grant_type": "refresh_token", "client_id": self.client_id,
                "client_secret": self.client_secret, "refresh_token": self.refresh_token}
        try:
            resp = self.session.post(TOKEN_URL, data=body, timeout=30)
            self.requests_made += 1
            resp.raise_for_status()
            self.access_token = resp.json()["access_token"]
        finally:
            log.info("starting new login timer")
            self.login_timer = threading.Timer(REFRESH_EVERY, self.login)  # LEAK
            self.login_timer.start()
