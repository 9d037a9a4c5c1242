from typing import Any, Callable, Dict


class Server:
    def __init__(self, on_connect: Callable[[str, dict], bool]) -> None:
        self.on_connect = on_connect
        self.environ: Dict[str, Any] = {}

    def handle_connect(self, sid: str, environ: dict) -> bool:
        self.environ[sid] = environ
        if self.on_connect(sid, environ) is False:
            self.environ.pop(sid, None)
            return False
        return True

    def handle_disconnect(self, sid: str) -> None:
        self.environ.pop(sid, None)
