from __future__ import annotations

import asyncio
import logging
from random import randint

SEPARATOR = b"\xFF\xFF"
TUNNEL_MAP = {}


def encode_msg(msg):
    if isinstance(msg, bytes):
        return msg + SEPARATOR
    return msg.encode() + SEPARATOR


async def join_pipe(reader, writer):
    try:
        while not reader.at_eof():
            writer.write(await reader.read(2048))
            await writer.drain()
    finally:
        writer.close()


async def make_pipe(pipe_reader, pipe_writer, message: dict):
    server_id = int(message["payload"]["server_id"])
    endpoint_reader, endpoint_writer = TUNNEL_MAP[server_id]
    await asyncio.wait([
        asyncio.create_task(join_pipe(pipe_reader, endpoint_writer)),
        asyncio.create_task(join_pipe(endpoint_reader, pipe_writer)),
    ])
    logging.info("pipe %d disconnected", server_id)


async def make_endpoint(tunnel_server_id, tunnel_reader: asyncio.StreamReader, tunnel_writer: asyncio.StreamWriter,
                        endpoint_reader: asyncio.StreamReader, endpoint_writer: asyncio.StreamWriter):
    endpoint_addr = endpoint_writer.get_extra_info("peername")
    logging.info("serving endpoint %s", endpoint_addr)
    server_id = randint(0, 19260817)
    TUNNEL_MAP[server_id] = (endpoint_reader, endpoint_writer)  # LEAK
    try:
        tunnel_writer.write(encode_msg(f"start proxy at {server_id}"))
        await tunnel_writer.drain()
    except Exception as e:
        logging.error(e, exc_info=True)
