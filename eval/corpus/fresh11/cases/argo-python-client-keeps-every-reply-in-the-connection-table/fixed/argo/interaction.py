"""Higher-level tracking of the semantics of specific commands."""

from typing import Any, Dict

from argo.connection import ServerConnection


class Interaction:
    """A representation of a concrete interaction with the server."""

    def __init__(self, method: str, params: Dict[str, Any], connection) -> None:
        self.connection = connection
        self._raw_response = None
        self.init_state = connection.protocol_state()
        self._method = method
        self._params = params
        self._params['state'] = self.init_state
        self.request_id = connection.server_connection.send_message(self._method, self._params)

    def raw_result(self) -> Any:
        """Get the JSON response associated with the request. Blocks until the reply is received."""
        if self._raw_response is None:
            self._raw_response = self.connection.server_connection.wait_for_reply_to(self.request_id)
        return self._raw_response


class Command(Interaction):
    def result(self) -> Any:
        return self.raw_result()['result']['answer']


def make_server_connection(sock) -> ServerConnection:
    return ServerConnection(sock)
