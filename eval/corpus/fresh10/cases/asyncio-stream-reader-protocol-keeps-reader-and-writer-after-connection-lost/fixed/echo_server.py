from __future__ import annotations

import asyncio

from asyncio_streams import StreamReader, StreamReaderProtocol, StreamWriter


async def handle_echo(reader: StreamReader, writer: StreamWriter) -> None:
    data = await reader.read(100)
    writer.write(data)
    writer.close()


async def serve(host: str, port: int) -> asyncio.AbstractServer:
    loop = asyncio.get_running_loop()

    def factory() -> StreamReaderProtocol:
        reader = StreamReader(loop=loop)
        return StreamReaderProtocol(reader, handle_echo, loop=loop)

    return await loop.create_server(factory, host, port)
