from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


class UnexpectedError(Exception):
    def __init__(self, description: str, request_id: int) -> None:
        super().__init__(description)
        self.description = description
        self.id = request_id


class RequestDispatcher:
    def __init__(self, handlers: dict) -> None:
        self.handlers = handlers

    def handle_call(self, request, connection) -> None:
        handler = self.handlers[request.endpoint]
        try:
            response = handler(request)
            connection.send(response)
        except Exception:
            exc_type, exc_obj, exc_tb = sys.exc_info()
            try:
                error = UnexpectedError("unexpected error in %s: %s" % (request.endpoint, exc_obj), request.id)
                connection.send_error(error)
                log.error("handler failed", exc_info=(exc_type, exc_obj, exc_tb))
            finally:
                # the traceback refers to this frame: break the cycle
                del exc_tb
