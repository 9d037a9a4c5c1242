import json
from typing import Any, Optional

from argo import netstring


class IDSource:
    def __init__(self) -> None:
        self.next_id = 0

    def get(self) -> int:
        self.next_id += 1
        return self.next_id


class ServerConnection:
    def __init__(self, sock) -> None:
        self.sock = sock
        self.buf = bytearray(b'')
        self.replies = {}
        self.ids = IDSource()

    def _buffer_replies(self) -> None:
        try:
            arrived = self.sock.recv(4096)
            while arrived != b'':
                self.buf.extend(arrived)
                arrived = self.sock.recv(4096)
        except BlockingIOError:
            return None

    def _get_one_reply(self) -> Optional[str]:
        try:
            (msg, rest) = netstring.decode(self.buf)
            self.buf = bytearray(rest)
            return msg
        except (ValueError, IndexError):
            return None

    def _process_replies(self) -> None:
        """Parse all pending replies into JSON and add them to the internal collection of replies."""
        self._buffer_replies()
        reply_bytes = self._get_one_reply()
        while reply_bytes is not None:
            the_reply = json.loads(reply_bytes)
            self.replies[the_reply['id']] = the_reply
            reply_bytes = self._get_one_reply()

    def send_message(self, method: str, params: dict) -> int:
        request_id = self.ids.get()
        msg = {'jsonrpc': '2.0', 'method': method, 'id': request_id, 'params': params}
        self.sock.send(netstring.encode(json.dumps(msg)))
        return request_id

    def wait_for_reply_to(self, request_id: int) -> Any:
        """Block until a reply is received for the given ``request_id``. Return the reply."""
        self._process_replies()
        while request_id not in self.replies:
            try:
                self._process_replies()
            finally:
                self.sock.setblocking(False)
        return self.replies.pop(request_id)  # deletes reply whilst returning it
