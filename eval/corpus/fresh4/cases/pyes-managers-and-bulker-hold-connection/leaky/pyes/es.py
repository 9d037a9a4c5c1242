from __future__ import annotations

from .managers import Cluster, Indices
from .models import ListBulker


class ES:
    def __init__(self, server="localhost:9200", timeout=30.0, bulk_size=400, bulker_class=ListBulker,
                 raise_on_bulk_item_failure=False, default_indices=None):
        self.servers = [server] if isinstance(server, str) else list(server)
        self.timeout = timeout
        self.default_indices = default_indices or ["_all"]
        self.connection = None
        # used in bulk
        self._bulk_size = bulk_size
        self.bulker = bulker_class(self, bulk_size=bulk_size,  # LEAK
                                   raise_on_bulk_item_failure=raise_on_bulk_item_failure)
        self.bulker_class = bulker_class
        # managers
        self.indices = Indices(self)  # LEAK
        self.cluster = Cluster(self)  # LEAK

    def _send_request(self, method, path, body=None):
        return {"method": method, "path": path, "server": self.servers[0], "body": body}

    def index(self, doc, index, doc_type, bulk=False):
        if bulk:
            return self.bulker.add('{"index": {"_index": "%s", "_type": "%s"}}\n%s' % (index, doc_type, doc))
        return self._send_request("POST", "/%s/%s" % (index, doc_type), doc)
