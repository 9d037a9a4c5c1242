from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from urllib.error import HTTPError

logger = logging.getLogger(__name__)


class Client:
    def __init__(self, url: str) -> None:
        self.url = url

    def authenticated_request(self, path: str, method: str, body: str) -> None:
        raise NotImplementedError

    def workspace_post_heartbeat(self, workspace_name: str) -> None:
        self.authenticated_request(path=f"/api/workspace/{workspace_name}/heartbeat", method="POST", body="ping")

    def workspace_heartbeat_keepalive(self, workspace_name: str, quit: threading.Event) -> None:
        """Tries to post a heartbeat to the server every 5 seconds, until quit is set"""
        while True:
            if quit.is_set():
                logger.debug("Heartbeat keepalive thread closing")
                return
            try:
                self.workspace_post_heartbeat(workspace_name)
            except (ConnectionRefusedError, HTTPError) as e:
                logger.debug(f"Heartbeat keepalive error {e.__class__.__qualname__}")
            time.sleep(5)

    def workspace_heartbeat_keepalive_connect(self, workspace_name: str) -> threading.Event:
        """Start a background thread posting heartbeats; setting the returned event stops it"""
        executor = concurrent.futures.ThreadPoolExecutor()
        quit = threading.Event()
        executor.submit(self.workspace_heartbeat_keepalive, workspace_name, quit)
        return quit


class WorkspaceClient(Client):
    def __init__(self, url: str, workspace_name: str) -> None:
        super().__init__(url)
        self.workspace_name = workspace_name

    def heartbeat_keepalive_connect(self):
        return self.workspace_heartbeat_keepalive_connect(self.workspace_name)
