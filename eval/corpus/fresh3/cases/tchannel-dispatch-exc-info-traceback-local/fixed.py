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

    def handle_call(self, request, response, connection) -> None:
        handler = self.handlers[request.endpoint]
        try:
            connection.send(handler(request))
        except Exception as e:
            # keep the original exc info because exc_tb is moved below
            exc_info = sys.exc_info()
            exc_type, exc_obj, exc_tb = exc_info
            try:
                # walk to the traceback's last frame to find the offending line
                while exc_tb.tb_next is not None:
                    exc_tb = exc_tb.tb_next

                description = "%r from %s in %s:%s" % (
                    e, request.endpoint, exc_tb.tb_frame.f_code.co_filename, exc_tb.tb_lineno,
                )
                error = UnexpectedError(description, request.id)
                response.set_exception(error, exc_info=exc_info)
                connection.send_error(error)
                log.error("Unexpected error", exc_info=exc_info)
            finally:
                # clean up the circular reference frame -> traceback -> frame
                del exc_tb
                del exc_info
