import os
from typing import IO, Any, Dict, Optional


class Packer:
    def __init__(self, storage: Any, stop: Any) -> None:
        self.storage = storage
        if storage.blob_dir:
            self.blob_log: Optional[IO[bytes]] = open(os.path.join(storage.blob_dir, ".removed"), "wb")  # LEAK
        else:
            self.blob_log = None
        self.path = storage.path
        # a handle of our own so packing can run beside the storage's writes
        self.source = open(self.path, "rb")  # LEAK
        self.stop = stop
        self.index: Dict[bytes, int] = {}

    def pack(self) -> Optional[int]:
        reachable = self.storage.find_reachable(self.source, self.stop)
        self.target = open(self.path + ".pack", "w+b")  # LEAK
        self.source.seek(0)
        self.target.write(self.source.read(4))
        before, after = self.copy_until_stop(reachable)
        if before == after:
            self.target.close()
            self.source.close()
            os.remove(self.path + ".pack")
            if self.blob_log is not None:
                self.blob_log.close()
            return None
        self.copy_rest(before)
        end = self.target.tell()
        self.target.flush()
        self.target.close()
        self.source.close()
        if self.blob_log is not None:
            self.blob_log.close()
        return end

    def copy_until_stop(self, reachable: Any) -> "tuple[int, int]":
        copied = 0
        for offset, record in self.storage.records(self.source, until=self.stop):
            if offset in reachable:
                self.index[record.oid] = self.target.tell()
                self.target.write(record.data)
                copied += len(record.data)
        return self.source.tell(), copied

    def copy_rest(self, position: int) -> None:
        self.source.seek(position)
        self.target.write(self.source.read())
