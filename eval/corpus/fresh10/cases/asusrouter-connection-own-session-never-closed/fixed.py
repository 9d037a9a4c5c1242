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
        # client session: one created here is ours to close
        self._manage_session: bool = False
        if session is not None:
            self._session = session
        else:
            self._session = self._new_session()

    def __del__(self) -> None:
        """Close the session this connection created."""
        if self._manage_session and self._session and not self._session.closed:
            try:
                loop = asyncio.get_running_loop()
                loop.create_task(self._session.close())
            except RuntimeError:
                try:
                    asyncio.run(self._session.close())
                except Exception as ex:  # pylint: disable=broad-except
                    _LOGGER.warning("Error while closing the session: %s", ex)

    def _new_session(self) -> aiohttp.ClientSession:
        """Create a new session."""
        # a session created here is managed by this connection
        self._manage_session = True
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
