import logging
from typing import Any, Dict, List

log = logging.getLogger(__name__)


async def refresh_catalog(session: Any, tools: Dict[str, List[str]], server: str) -> None:
    listing = await session.list_tools()
    names = [tool.name for tool in listing.tools]
    if names != tools.get(server):
        log.info("catalog of %s changed: %d tools", server, len(names))
    tools[server] = names
