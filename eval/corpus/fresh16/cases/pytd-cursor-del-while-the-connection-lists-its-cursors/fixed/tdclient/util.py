from typing import Any, Iterator, List, Optional


class Cursor:
    def __init__(self, connection: Any, db_type: str) -> None:
        self.connection = connection
        self.db_type = db_type
        self.rowcount = -1
        self.iterator: Optional[Iterator[List[Any]]] = None

    def close(self) -> None:
        raise NotImplementedError

    def fetchall(self) -> List[List[Any]]:
        return list(self.iterator or [])

    def __enter__(self) -> "Cursor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
