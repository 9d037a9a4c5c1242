from __future__ import annotations


class Indices:
    def __init__(self, conn):
        self.conn = conn

    def create_index(self, index, settings=None):
        return self.conn._send_request("PUT", index, settings or {})

    def refresh(self, indices=None):
        path = ",".join(indices or self.conn.default_indices)
        return self.conn._send_request("POST", path + "/_refresh")


class Cluster:
    def __init__(self, conn):
        self.conn = conn

    def health(self):
        return self.conn._send_request("GET", "_cluster/health")
