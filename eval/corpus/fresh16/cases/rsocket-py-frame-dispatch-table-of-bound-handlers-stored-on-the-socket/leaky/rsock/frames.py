from dataclasses import dataclass


@dataclass
class Frame:
    stream_id: int
    payload: bytes = b""


class RequestResponseFrame(Frame):
    pass


class RequestStreamFrame(Frame):
    pass


class SetupFrame(Frame):
    pass


class KeepAliveFrame(Frame):
    pass


class ErrorFrame(Frame):
    pass


async def async_noop(frame: Frame) -> None:
    return None
