import json


class Connection:
    def __init__(self, sock) -> None:
        self.sock = sock
        self.replies = {}
        self.next_id = 0

    def send(self, method: str, params: dict) -> int:
        self.next_id += 1
        self.sock.sendall(json.dumps({"id": self.next_id, "method": method, "params": params}).encode() + b"\n")
        return self.next_id

    def _read_replies(self) -> None:
        for line in self.sock.makefile("rb").readline().splitlines():
            reply = json.loads(line)
            self.replies[reply["id"]] = reply

    def wait_for_reply(self, request_id: int) -> dict:
        while request_id not in self.replies:
            self._read_replies()
        return self.replies.pop(request_id)
