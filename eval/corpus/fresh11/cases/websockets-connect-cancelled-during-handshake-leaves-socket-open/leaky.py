import asyncio
import functools
from typing import Any, Generator


class RedirectHandshake(Exception):
    def __init__(self, uri: str) -> None:
        self.uri = uri


class SecurityError(Exception):
    pass


class Connect:
    MAX_REDIRECTS_ALLOWED = 10

    def __init__(self, uri: str, *, create_protocol, open_timeout: float = 10, **kwargs: Any) -> None:
        self._wsuri = uri
        self.open_timeout = open_timeout
        loop = asyncio.get_event_loop()
        factory = functools.partial(create_protocol, loop=loop, **kwargs)
        self._create_connection = functools.partial(loop.create_connection, factory, **kwargs)

    def handle_redirect(self, uri: str) -> None:
        self._wsuri = uri

    def __await__(self) -> Generator[Any, None, Any]:
        return self.__await_impl_timeout__().__await__()

    async def __await_impl_timeout__(self):
        return await asyncio.wait_for(self.__await_impl__(), self.open_timeout)

    async def __await_impl__(self):
        for redirects in range(self.MAX_REDIRECTS_ALLOWED):
            transport, protocol = await self._create_connection()  # LEAK

            try:
                await protocol.handshake(
                    self._wsuri,
                    origin=protocol.origin,
                    available_extensions=protocol.available_extensions,
                    available_subprotocols=protocol.available_subprotocols,
                    extra_headers=protocol.extra_headers,
                )
            except RedirectHandshake as exc:
                protocol.fail_connection()
                await protocol.wait_closed()
                self.handle_redirect(exc.uri)
            except Exception:  # LEAK
                protocol.fail_connection()
                await protocol.wait_closed()
                raise
            else:
                self.protocol = protocol
                return protocol
        else:
            raise SecurityError("too many redirects")


connect = Connect
