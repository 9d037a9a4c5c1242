import json
from typing import Any, Dict, Optional

import aiohttp


class DeviceError(Exception):
    pass


class DeviceConfig:
    def __init__(self, host: str, family: str = "IOT.SMARTPLUG", encrypted: bool = False,
                 timeout: float = 5.0) -> None:
        self.host = host
        self.family = family
        self.encrypted = encrypted
        self.timeout = timeout


class HttpTransport:
    def __init__(self, config: DeviceConfig) -> None:
        self.config = config
        self._session: Optional[aiohttp.ClientSession] = None

    async def send(self, request: Dict[str, Any]) -> Dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.config.timeout))
        async with self._session.post("http://%s/app" % self.config.host, data=json.dumps(request)) as resp:
            if resp.status != 200:
                raise DeviceError("device answered %d" % resp.status)
            return await resp.json(content_type=None)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class Protocol:
    def __init__(self, transport: HttpTransport) -> None:
        self._transport = transport

    async def query(self, request: Dict[str, Any]) -> Dict[str, Any]:
        return await self._transport.send(request)

    async def close(self) -> None:
        await self._transport.close()


class Device:
    def __init__(self, host: str, protocol: Protocol) -> None:
        self.host = host
        self.protocol = protocol
        self.sys_info: Dict[str, Any] = {}

    async def update(self) -> None:
        self.sys_info = (await self.protocol.query({"system": {"get_sysinfo": None}}))["system"]["get_sysinfo"]

    async def turn_on(self) -> None:
        await self.protocol.query({"system": {"set_relay_state": {"state": 1}}})

    async def disconnect(self) -> None:
        await self.protocol.close()


class Plug(Device):
    pass


class Bulb(Device):
    pass
