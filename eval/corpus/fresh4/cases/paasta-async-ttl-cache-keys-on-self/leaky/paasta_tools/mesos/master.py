from __future__ import annotations

from paasta_tools.async_utils import async_ttl_cache


class MesosMaster:
    def __init__(self, config, session) -> None:
        self.config = config
        self.session = session

    async def fetch(self, url: str, cached: bool = False):
        return await self.session.get(self.config["master"] + url)

    @async_ttl_cache(ttl=15)  # LEAK
    async def state(self):
        return await (await self.fetch("/master/state.json", cached=True)).json()

    @async_ttl_cache(ttl=0)  # LEAK
    async def slave(self, fltr):
        slaves = (await self.state())["slaves"]
        return [s for s in slaves if fltr in s["id"]]

    @async_ttl_cache(ttl=15)  # LEAK
    async def _frameworks(self):
        return await (await self.fetch("/master/frameworks", cached=True)).json()
