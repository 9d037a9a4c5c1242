import socket
import subprocess
from typing import Any, Optional


class StdioConfig:
    def __init__(self, session: Any, local_host: Optional[str] = None, **kwargs: Any) -> None:
        self.session = session
        self.encoding = kwargs.get("encoding", "")
        self.lrecl = kwargs.get("lrecl") or 1048576
        if local_host is not None:
            self.host_ip = local_host
            return
        self.host_ip = socket.gethostname()
        try:
            lookup = subprocess.Popen(("nslookup", self.host_ip), stdout=subprocess.PIPE)  # LEAK
            answer = lookup.stdout.read()  # type: ignore[union-attr]
            address = answer.rpartition(b"Address:")[2].strip().decode()
            try:
                socket.gethostbyaddr(address)
                self.host_ip = address
            except Exception:
                pass
            lookup.stdout.close()  # type: ignore[union-attr]
            lookup.terminate()
        except Exception:
            pass
