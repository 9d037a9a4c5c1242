from __future__ import annotations

import concurrent.futures
import logging
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

    def workspace_heartbeat_keepalive(self, workspace_name: str) -> None:
        """Tries to post a heartbeat to the server every 5 seconds"""
        while True:  # LEAK
            try:
                self.workspace_post_heartbeat(workspace_name)
            except (ConnectionRefusedError, HTTPError) as e:
                logger.debug(f"Heartbeat keepalive error {e.__class__.__qualname__}")
            time.sleep(5)

    def workspace_heartbeat_keepalive_connect(self, workspace_name: str) -> "concurrent.futures.Future[None]":
        """Start a background thread posting heartbeats so the server knows the client is alive"""
        executor = concurrent.futures.ThreadPoolExecutor()
        future = executor.submit(self.workspace_heartbeat_keepalive, workspace_name)  # LEAK
        return future


class WorkspaceClient(Client):
    def __init__(self, url: str, workspace_name: str) -> None:
        super().__init__(url)
        self.workspace_name = workspace_name

    def heartbeat_keepalive_connect(self):
        return self.workspace_heartbeat_keepalive_connect(self.workspace_name)
