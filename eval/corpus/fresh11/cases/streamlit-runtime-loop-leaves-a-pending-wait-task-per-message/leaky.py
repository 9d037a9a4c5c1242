import asyncio
import logging
from enum import Enum

LOGGER = logging.getLogger(__name__)


class RuntimeState(Enum):
    INITIAL = "INITIAL"
    NO_SESSIONS_CONNECTED = "NO_SESSIONS_CONNECTED"
    ONE_OR_MORE_SESSIONS_CONNECTED = "ONE_OR_MORE_SESSIONS_CONNECTED"
    STOPPING = "STOPPING"


class SessionClientDisconnectedError(Exception):
    pass


class AsyncObjects:
    def __init__(self, eventloop):
        self.eventloop = eventloop
        self.must_stop = asyncio.Event()
        self.has_connection = asyncio.Event()
        self.need_send_data = asyncio.Event()
        self.started = eventloop.create_future()


class Runtime:
    def __init__(self, session_mgr, async_objs):
        self._session_mgr = session_mgr
        self._async_objs = async_objs
        self._state = RuntimeState.INITIAL

    def _send_message(self, session_info, msg):
        session_info.client.write_forward_msg(msg)

    async def _flush_sessions(self):
        for active_session_info in self._session_mgr.list_active_sessions():
            for msg in active_session_info.session.flush_browser_queue():
                try:
                    self._send_message(active_session_info, msg)
                except SessionClientDisconnectedError:
                    self._session_mgr.disconnect_session(active_session_info.session.id)
                await asyncio.sleep(0)
        await asyncio.sleep(0.01)

    async def _loop_coroutine(self) -> None:
        """The main Runtime loop; it won't exit until `stop` is called."""
        async_objs = self._async_objs
        if self._state == RuntimeState.INITIAL:
            self._state = RuntimeState.NO_SESSIONS_CONNECTED
        async_objs.started.set_result(None)

        while not async_objs.must_stop.is_set():
            if self._state == RuntimeState.NO_SESSIONS_CONNECTED:
                await asyncio.wait(
                    (
                        asyncio.create_task(async_objs.must_stop.wait()),  # LEAK
                        asyncio.create_task(async_objs.has_connection.wait()),
                    ),
                    return_when=asyncio.FIRST_COMPLETED,
                )

            elif self._state == RuntimeState.ONE_OR_MORE_SESSIONS_CONNECTED:
                async_objs.need_send_data.clear()
                await self._flush_sessions()

            else:
                break

            await asyncio.wait(
                (
                    asyncio.create_task(async_objs.must_stop.wait()),  # LEAK
                    asyncio.create_task(async_objs.need_send_data.wait()),
                ),
                return_when=asyncio.FIRST_COMPLETED,
            )

        for session_info in self._session_mgr.list_sessions():
            self._session_mgr.close_session(session_info.session.id)
        self._state = RuntimeState.STOPPING
