"""Threads never joined and asyncio tasks nobody keeps."""

import asyncio
import threading


def work():
    pass


def start_workers(n):
    for _ in range(n):
        t = threading.Thread(target=work)
        t.start()


async def notify(user):
    await asyncio.sleep(0)


async def on_signup(user):
    asyncio.create_task(notify(user))
