from __future__ import annotations

import os
from os import path


class History:
    def __init__(self, admin_dir: str) -> None:
        self._admin_dir = admin_dir

    def _last_id_file(self) -> str:
        return path.join(self._admin_dir, "lastid.txt")

    def next_transaction_id(self) -> str:
        last_id_file = self._last_id_file()
        if not path.isfile(last_id_file):
            return "0000000001"
        with open(last_id_file, "r") as f:
            last_id = int(f.read())
        return "%0.10d" % (last_id + 1)

    def store_last_id(self, transaction_id: str) -> None:
        os.makedirs(self._admin_dir, exist_ok=True)
        with open(self._last_id_file(), "w") as f:
            f.write(transaction_id)
