import sqlite3


class Index:
    def __init__(self, path: str) -> None:
        con = sqlite3.connect(path)
        try:
            (count,) = con.execute("SELECT value FROM meta WHERE key='count'").fetchone()
            if int(count) < 0:
                raise ValueError("partial index")
        except (sqlite3.Error, ValueError):
            con.close()
            raise
        self._con = con

    def close(self) -> None:
        self._con.close()
