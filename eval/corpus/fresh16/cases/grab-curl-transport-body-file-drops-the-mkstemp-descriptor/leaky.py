import os
import tempfile
from typing import IO, Any, Optional


class CurlBodyTransport:
    def __init__(self) -> None:
        self.body_file: Optional[IO[bytes]] = None
        self.body_path: Optional[str] = None

    def setup_body_file(self, storage_dir: str, storage_name: Optional[str]) -> None:
        if storage_name is None:
            _handle, path = tempfile.mkstemp(dir=storage_dir)  # LEAK
        else:
            path = os.path.join(storage_dir, storage_name)
        self.body_file = open(path, "wb")
        self.body_path = path

    def on_chunk(self, chunk: bytes) -> None:
        if self.body_file is not None:
            self.body_file.write(chunk)

    def prepare(self, config: Any) -> None:
        if config.get("body_inmemory", True):
            return
        if not config.get("body_storage_dir"):
            raise ValueError("body_storage_dir is not defined")
        self.setup_body_file(config["body_storage_dir"], config.get("body_storage_name"))

    def finish(self) -> Optional[str]:
        if self.body_file is not None:
            self.body_file.close()
            self.body_file = None
        return self.body_path
