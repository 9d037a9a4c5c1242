from typing import Optional

from .errors import AddressLookupError
from .probe import outgoing_address


class SocketDetector:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.last: Optional[str] = None

    def detect(self) -> Optional[str]:
        try:
            self.last = outgoing_address(self.kind)
        except AddressLookupError:
            self.last = None
        return self.last
