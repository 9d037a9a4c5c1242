from contextlib import closing
from typing import IO, Optional


class Packer:
    def __init__(self, path: str) -> None:
        self.path = path
        self.source = open(path, "rb")
        self.target: Optional[IO[bytes]] = None

    def pack(self) -> int:
        self.target = open(self.path + ".pack", "wb")
        data = self.source.read()
        self.target.write(data)
        return len(data)

    def close(self) -> None:
        self.source.close()
        if self.target is not None:
            self.target.close()


def run_packer(path: str) -> int:
    with closing(Packer(path)) as packer:
        return packer.pack()
