from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

import aiohttp

_LOGGER = logging.getLogger(__name__)


class Connection:
    def __init__(self, hostname: str, username: str, password: str,
                 session: Optional[aiohttp.ClientSession] = None) -> None:
        self._hostname = hostname
        self._username = username
        self._password = password
        self._connected = False
        self._token: Optional[str] = None
        # client session
        self._session = session if session is not None else self._new_session()  # LEAK

    def _new_session(self) -> aiohttp.ClientSession:
        """Create a new session."""
        return aiohttp.ClientSession()

    async def async_connect(self) -> bool:
        async with self._session.post(f"http://{self._hostname}/login.cgi",
                                      data={"login_authorization": self._username}) as resp:
            data: Any = await resp.json()
        self._token = data.get("asus_token")
        self._connected = self._token is not None
        return self._connected

    async def async_disconnect(self) -> bool:
        if not self._connected:
            return True
        async with self._session.get(f"http://{self._hostname}/Logout.asp"):
            pass
        self._connected = False
        self._token = None
        return True
