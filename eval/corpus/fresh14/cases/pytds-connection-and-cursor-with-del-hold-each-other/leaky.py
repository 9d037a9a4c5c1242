from typing import Any, Callable, List, Optional, Sequence


class InterfaceError(Exception):
    pass


class Cursor:
    def __init__(self, conn: "Connection", session: Any) -> None:
        self._conn: Optional["Connection"] = conn  # LEAK
        self._session = session
        self.arraysize = 1

    def _assert_open(self) -> "Connection":
        if self._conn is None:
            raise InterfaceError("cursor is closed")
        self._conn._assert_open()
        self._session = self._conn._socket.main_session
        return self._conn

    def __del__(self) -> None:  # LEAK
        self.close()

    def __enter__(self) -> "Cursor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def connection(self) -> Optional["Connection"]:
        return self._conn

    def execute(self, operation: str, params: Sequence[Any] = ()) -> None:
        conn = self._assert_open()
        conn._activate(self)
        self._session.submit(operation, params)

    def fetchall(self) -> List[Any]:
        self._assert_open()
        return list(self._session.rows())

    def close(self) -> None:
        if self._conn is not None:
            if self is self._conn._active_cursor:
                self._conn._active_cursor = self._conn._main_cursor
                self._session = None
            self._conn = None


class Connection:
    def __init__(self, open_socket: Callable[[], Any]) -> None:
        self._socket: Optional[Any] = open_socket()
        cursor = Cursor(self, self._socket.main_session)
        self._active_cursor: Optional[Cursor] = cursor  # LEAK
        self._main_cursor: Optional[Cursor] = cursor
        self._closed = False

    def _assert_open(self) -> None:
        if self._closed or self._socket is None:
            raise InterfaceError("connection is closed")

    def _activate(self, cursor: Cursor) -> None:
        self._active_cursor = cursor

    def cursor(self) -> Cursor:
        self._assert_open()
        assert self._socket is not None
        return Cursor(self, self._socket.main_session)

    def __del__(self) -> None:  # LEAK
        self.close()

    def close(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._active_cursor = None
            self._main_cursor = None
            self._socket = None
        self._closed = True
