from __future__ import annotations

from broadcaster import Broadcast

broadcast = Broadcast("memory://")


async def chatroom_ws_sender(websocket) -> None:
    # The websocket raises when the peer goes away, inside the subscribe block.
    async with broadcast.subscribe(channel="chatroom") as subscriber:
        async for event in subscriber:
            await websocket.send_text(event.message)


async def chatroom_ws_receiver(websocket) -> None:
    async for message in websocket.iter_text():
        await broadcast.publish(channel="chatroom", message=message)
