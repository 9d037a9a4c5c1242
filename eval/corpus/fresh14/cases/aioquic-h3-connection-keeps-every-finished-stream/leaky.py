from typing import Dict, List, Optional, Tuple

Headers = List[Tuple[bytes, bytes]]


class FrameUnexpected(Exception):
    pass


class H3Stream:
    def __init__(self, stream_id: int) -> None:
        self.stream_id = stream_id
        self.blocked = False
        self.buffer = b""
        self.ended = False
        self.headers_sent = False
        self.trailers_sent = False


class H3Connection:
    def __init__(self, quic: "QuicTransport") -> None:
        self._quic = quic
        self._stream: Dict[int, H3Stream] = {}  # LEAK

    def _get_or_create_stream(self, stream_id: int) -> H3Stream:
        if stream_id not in self._stream:
            self._stream[stream_id] = H3Stream(stream_id)  # LEAK
        return self._stream[stream_id]

    def send_headers(self, stream_id: int, headers: Headers, end_stream: bool = False) -> None:
        stream = self._get_or_create_stream(stream_id)
        if stream.trailers_sent:
            raise FrameUnexpected("HEADERS frame is not allowed in this state")
        if stream.headers_sent:
            stream.trailers_sent = True
        stream.headers_sent = True
        self._quic.send_stream_data(stream_id, b"".join(k + b": " + v + b"\r\n" for k, v in headers), end_stream)

    def send_data(self, stream_id: int, data: bytes, end_stream: bool) -> None:
        stream = self._get_or_create_stream(stream_id)
        if not stream.headers_sent:
            raise FrameUnexpected("DATA frame is not allowed in this state")
        self._quic.send_stream_data(stream_id, data, end_stream)

    def receive_stream_data(self, stream_id: int, data: bytes, end_stream: bool) -> Optional[bytes]:
        stream = self._get_or_create_stream(stream_id)
        stream.buffer += data
        if end_stream:
            stream.ended = True
            body, stream.buffer = stream.buffer, b""
            return body
        return None


class QuicTransport:
    def __init__(self) -> None:
        self.sent: List[Tuple[int, bytes, bool]] = []

    def send_stream_data(self, stream_id: int, data: bytes, end_stream: bool) -> None:
        self.sent.append((stream_id, data, end_stream))
