import asyncio
import json
from typing import Any, Awaitable, Callable, Dict, Optional

import websockets

SessionHandler = Callable[[Dict[str, Any]], Awaitable[Dict[str, Any]]]


async def connect(relay_url: str = "wss://relay.example.org") -> Any:
    """Open the relay's announce websocket."""
    ws_url = "%s/ws/announce" % relay_url.rstrip("/")
    return await websockets.connect(ws_url, ping_interval=None)


async def serve_loop(websocket: Any, announce_message: Dict[str, Any], *,
                     addr_data: Optional[Dict[str, Any]] = None,
                     session_handler: Optional[SessionHandler] = None,
                     heartbeat: float = 60.0) -> None:
    """Announce, then answer relayed sessions until the relay disconnects (returns) or fails (raises)."""
    await websocket.send(json.dumps(announce_message))
    while True:
        try:
            raw = await asyncio.wait_for(websocket.recv(), timeout=heartbeat)
        except asyncio.TimeoutError:
            await websocket.send(json.dumps(announce_message))
            continue
        except websockets.ConnectionClosed:
            return
        message = json.loads(raw)
        if session_handler is not None and message.get("type") == "INPUT":
            reply = await session_handler(message)
            await websocket.send(json.dumps(reply))
