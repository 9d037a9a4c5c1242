from __future__ import annotations

import asyncio
import logging

log = logging.getLogger("server")


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, peers) -> None:
    handed_over = False
    try:
        hello = await asyncio.wait_for(reader.readexactly(64), timeout=10)
        peers.add(hello, reader, writer)
        handed_over = True
    except (asyncio.TimeoutError, asyncio.IncompleteReadError) as exc:
        log.debug("handshake failed: %s", exc)
    finally:
        if not handed_over:
            writer.close()
            await writer.wait_closed()
