import contextlib
from typing import Dict, Iterator, List, Optional, Tuple

Headers = List[Tuple[bytes, bytes]]


class FrameUnexpected(Exception):
    pass


class H3Stream:
    def __init__(self, stream_id: int) -> None:
        self.stream_id = stream_id
        self.blocked = False
        self.buffer = b""
        self.receiving_ended = False
        self.sending_ended = False
        self.headers_sent = False
        self.trailers_sent = False

    def is_ended(self) -> bool:
        return self.sending_ended and self.receiving_ended and not self.blocked

    def finish_sending(self) -> None:
        if self.sending_ended:
            raise FrameUnexpected("stream was already ended")
        self.sending_ended = True


class H3Connection:
    def __init__(self, quic: "QuicTransport") -> None:
        self._quic = quic
        self._stream: Dict[int, H3Stream] = {}

    @contextlib.contextmanager
    def _get_or_create_stream(self, stream_id: int) -> Iterator[H3Stream]:
        if stream_id not in self._stream:
            self._stream[stream_id] = H3Stream(stream_id)
        stream = self._stream[stream_id]
        try:
            yield stream
        finally:
            # A stream both sides have ended is never used again.
            if stream.is_ended():
                self._stream.pop(stream_id, None)

    def send_headers(self, stream_id: int, headers: Headers, end_stream: bool = False) -> None:
        with self._get_or_create_stream(stream_id) as stream:
            if stream.trailers_sent:
                raise FrameUnexpected("HEADERS frame is not allowed in this state")
            if end_stream:
                stream.finish_sending()
            if stream.headers_sent:
                stream.trailers_sent = True
            stream.headers_sent = True
            self._quic.send_stream_data(stream_id, b"".join(k + b": " + v + b"\r\n" for k, v in headers), end_stream)

    def send_data(self, stream_id: int, data: bytes, end_stream: bool) -> None:
        with self._get_or_create_stream(stream_id) as stream:
            if not stream.headers_sent:
                raise FrameUnexpected("DATA frame is not allowed in this state")
            if end_stream:
                stream.finish_sending()
        self._quic.send_stream_data(stream_id, data, end_stream)

    def receive_stream_data(self, stream_id: int, data: bytes, end_stream: bool) -> Optional[bytes]:
        with self._get_or_create_stream(stream_id) as stream:
            stream.buffer += data
            if end_stream:
                stream.receiving_ended = True
                body, stream.buffer = stream.buffer, b""
                return body
            return None


class QuicTransport:
    def __init__(self) -> None:
        self.sent: List[Tuple[int, bytes, bool]] = []

    def send_stream_data(self, stream_id: int, data: bytes, end_stream: bool) -> None:
        self.sent.append((stream_id, data, end_stream))
