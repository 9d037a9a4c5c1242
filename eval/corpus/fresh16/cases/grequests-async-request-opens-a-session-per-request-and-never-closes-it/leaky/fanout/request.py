import traceback
from typing import Any, Optional

from requests import Session


class PendingRequest:
    def __init__(self, method: str, url: str, **kwargs: Any) -> None:
        self.method = method
        self.url = url
        self.session = kwargs.pop("session", None)
        if self.session is None:
            self.session = Session()  # LEAK
        callback = kwargs.pop("callback", None)
        if callback:
            kwargs["hooks"] = {"response": callback}
        self.kwargs = kwargs
        self.response: Optional[Any] = None
        self.exception: Optional[BaseException] = None
        self.traceback: Optional[str] = None

    def send(self, **kwargs: Any) -> "PendingRequest":
        merged = dict(self.kwargs)
        merged.update(kwargs)
        try:
            self.response = self.session.request(self.method, self.url, **merged)
        except Exception as exc:
            self.exception = exc
            self.traceback = traceback.format_exc()
        return self
