from typing import Any, Dict

import aiohttp


class Protocol:
    def __init__(self, host: str) -> None:
        self.host = host
        self.session = aiohttp.ClientSession()

    async def query(self, request: Dict[str, Any]) -> Dict[str, Any]:
        async with self.session.post("http://%s/app" % self.host, json=request) as resp:
            return await resp.json()

    async def close(self) -> None:
        await self.session.close()


class Device:
    def __init__(self, protocol: Protocol, info: Dict[str, Any]) -> None:
        self.protocol = protocol
        self.info = info

    async def disconnect(self) -> None:
        await self.protocol.close()


def make_protocol(host: str) -> Protocol:
    return Protocol(host)


async def connect(host: str) -> Device:
    protocol = make_protocol(host)
    try:
        info = await protocol.query({"get_sysinfo": None})
    except BaseException:
        await protocol.close()
        raise
    return Device(protocol, info)


async def show(host: str) -> None:
    device = await connect(host)
    try:
        print(device.info)
    finally:
        await device.disconnect()
