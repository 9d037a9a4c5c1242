from asyncio_streams.streams import StreamReader, StreamReaderProtocol, StreamWriter

__all__ = ["StreamReader", "StreamReaderProtocol", "StreamWriter"]
