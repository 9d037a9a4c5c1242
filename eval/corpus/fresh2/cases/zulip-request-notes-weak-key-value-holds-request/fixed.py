from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional
from weakref import WeakKeyDictionary


class HttpRequest:
    def __init__(self, path: str, body: bytes) -> None:
        self.path = path
        self.body = body


@dataclass
class RequestNotes:
    client_name: str = ""
    log_data: dict[str, Any] = field(default_factory=dict)
    # weak: the notes must not keep alive the handler that keeps the request
    tornado_handler: Optional["weakref.ReferenceType[AsyncDjangoHandler]"] = None

    _request_notes_map: ClassVar["WeakKeyDictionary[HttpRequest, RequestNotes]"] = WeakKeyDictionary()

    @classmethod
    def get_notes(cls, request: HttpRequest) -> "RequestNotes":
        try:
            return cls._request_notes_map[request]
        except KeyError:
            notes = cls()
            cls._request_notes_map[request] = notes
            return notes


class AsyncDjangoHandler:
    def __init__(self, path: str, body: bytes) -> None:
        self._path = path
        self._body = body
        self._request: HttpRequest | None = None

    def convert_request(self) -> HttpRequest:
        return HttpRequest(self._path, self._body)

    def get(self) -> None:
        request = self.convert_request()
        self._request = request
        RequestNotes.get_notes(request).tornado_handler = weakref.ref(self)
        self.finish(request)

    def finish(self, request: HttpRequest) -> None:
        RequestNotes.get_notes(request).log_data["done"] = True
