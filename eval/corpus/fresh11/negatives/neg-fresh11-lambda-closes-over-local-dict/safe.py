class EdgeDataView:
    __slots__ = ("_adjdict", "_nodes_nbrs", "_data")

    def __init__(self, adjdict, nbunch=None, data=False) -> None:
        adj = self._adjdict = adjdict
        if nbunch is None:
            self._nodes_nbrs = adj.items
        else:
            nodes = list(nbunch)
            self._nodes_nbrs = lambda: [(n, adj[n]) for n in nodes]
        self._data = data

    def __iter__(self):
        for n, nbrs in self._nodes_nbrs():
            for nbr, dd in nbrs.items():
                yield (n, nbr, dd) if self._data else (n, nbr)
