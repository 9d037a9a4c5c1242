from __future__ import annotations


class Reader:
    def __init__(self, path: str) -> None:
        self._fh = open(path, "rb")

    def read_channel(self, name: str) -> bytes:
        self._fh.seek(0)
        return self._fh.read()

    def close(self) -> None:
        self._fh.close()


class Channel:
    def __init__(self, name: str, reader: Reader) -> None:
        self.name = name
        self._reader = reader

    def read_data(self) -> bytes:
        return self._reader.read_channel(self.name)


class DataFile:
    def __init__(self, path: str, names: list) -> None:
        self._reader = Reader(path)
        self.channels = {name: Channel(name, self._reader) for name in names}

    def close(self) -> None:
        self._reader.close()
