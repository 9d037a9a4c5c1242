from __future__ import annotations

from typing import Any, Dict, Sequence

from aiohttp.web import Application

from servicelib.application import APP_FIRE_AND_FORGET_TASKS_KEY
from servicelib.utils import fire_and_forget_task


async def send_messages(app: Application, user_id: str, messages: Sequence[Dict[str, Any]]) -> None:
    sio = app["socket_io"]
    for sid in app["user_sockets"].get(user_id, ()):
        for message in messages:
            await sio.emit(message["event_type"], message["data"], room=sid)


async def send_group_messages(app: Application, room: str, messages: Sequence[Dict[str, Any]]) -> None:
    sio = app["socket_io"]
    for message in messages:
        await sio.emit(message["event_type"], message["data"], room=room)


async def post_messages(app: Application, user_id: str, messages: Sequence[Dict[str, Any]]) -> None:
    fire_and_forget_task(
        send_messages(app, user_id, messages),
        task_suffix_name=f"post_message_{user_id=}",
        fire_and_forget_tasks_collection=app[APP_FIRE_AND_FORGET_TASKS_KEY],
    )


async def post_group_messages(app: Application, room: str, messages: Sequence[Dict[str, Any]]) -> None:
    fire_and_forget_task(
        send_group_messages(app, room, messages),
        task_suffix_name=f"post_group_messages_{room=}",
        fire_and_forget_tasks_collection=app[APP_FIRE_AND_FORGET_TASKS_KEY],
    )
