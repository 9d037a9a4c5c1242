from __future__ import annotations

import asyncio
import uuid


class DEFAULT_TIMEOUT:
    pass


class RpcChannelClosedException(Exception):
    """Raised when the channel is closed mid-operation."""


NoResponse = object()


class RpcPromise:
    def __init__(self, call_id: str) -> None:
        self.call_id = call_id
        self._event = asyncio.Event()

    def set(self) -> None:
        self._event.set()

    async def wait(self):
        return await self._event.wait()


class RpcChannel:
    def __init__(self, socket, default_response_timeout=None) -> None:
        self.socket = socket
        self.default_response_timeout = default_response_timeout
        self.requests: dict = {}
        self.responses: dict = {}
        self._closed = asyncio.Event()

    async def close(self) -> None:
        await self.socket.close()
        self._closed.set()

    async def on_response(self, call_id: str, result) -> None:
        self.responses[call_id] = result
        promise = self.requests.get(call_id)
        if promise is not None:
            promise.set()

    def clear_saved_call(self, call_id: str) -> None:
        self.requests.pop(call_id, None)
        self.responses.pop(call_id, None)

    async def wait_for_response(self, promise: RpcPromise, timeout=DEFAULT_TIMEOUT):
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_response_timeout
        _, pending = await asyncio.wait([promise.wait(), self._closed.wait()], timeout=timeout,
                                        return_when=asyncio.FIRST_COMPLETED)
        for fut in pending:
            fut.cancel()
        response = self.responses.get(promise.call_id, NoResponse)
        if response is NoResponse:
            raise RpcChannelClosedException(
                f"Channel Closed before RPC response for {promise.call_id} could be received")
        self.clear_saved_call(promise.call_id)
        return response

    async def async_call(self, name: str, args: dict) -> RpcPromise:
        call_id = uuid.uuid4().hex
        await self.socket.send({"method": name, "arguments": args, "call_id": call_id})
        promise = self.requests[call_id] = RpcPromise(call_id)
        return promise

    async def call(self, name: str, args=None, timeout=DEFAULT_TIMEOUT):
        promise = await self.async_call(name, args or {})
        return await self.wait_for_response(promise, timeout=timeout)
