from typing import Any, List, Optional


class Connection:
    def __init__(self) -> None:
        self.cursors: List["Cursor"] = []
        self.open = True

    def cursor(self) -> "Cursor":
        return Cursor(self)

    def close(self) -> None:
        for cursor in list(self.cursors):
            cursor.close()
        self.open = False

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Cursor:
    def __init__(self, connection: Connection) -> None:
        self.connection: Optional[Connection] = connection
        connection.cursors.append(self)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.cursors.remove(self)
            self.connection = None

    def __enter__(self) -> "Cursor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
