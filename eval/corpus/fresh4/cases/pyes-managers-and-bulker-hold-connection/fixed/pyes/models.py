from __future__ import annotations

import threading


class BaseBulker:
    def __init__(self, conn, bulk_size=400, raise_on_bulk_item_failure=False):
        self.conn = conn
        self.bulk_size = bulk_size
        self.raise_on_bulk_item_failure = raise_on_bulk_item_failure
        self.bulk_lock = threading.RLock()
        with self.bulk_lock:
            self.bulk_data = []

    def add(self, content):
        with self.bulk_lock:
            self.bulk_data.append(content)
            if len(self.bulk_data) >= self.bulk_size:
                return self.flush_bulk(forced=True)
        return None

    def flush_bulk(self, forced=False):
        with self.bulk_lock:
            if not self.bulk_data:
                return None
            batch = "\n".join(self.bulk_data) + "\n"
            self.bulk_data = []
        return self.conn._send_request("POST", "/_bulk", batch)


class ListBulker(BaseBulker):
    pass
