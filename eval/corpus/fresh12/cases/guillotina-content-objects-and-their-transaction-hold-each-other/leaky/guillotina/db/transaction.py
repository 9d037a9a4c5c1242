from collections import OrderedDict
from typing import Dict, Optional


class Transaction:
    def __init__(self, manager, read_only: bool = False) -> None:
        self._manager = manager
        self.read_only = read_only
        self.added: "OrderedDict[str, object]" = OrderedDict()
        self.modified: Dict[str, object] = {}
        self.deleted: Dict[str, object] = {}
        self._cache: Dict[str, dict] = {}

    def register(self, obj, new_oid: Optional[str] = None) -> None:
        oid = new_oid or obj.__uuid__
        if obj.__txn__ is None:
            obj.__txn__ = self  # LEAK
        if obj.__new_marker__:
            self.added[oid] = obj
        elif oid not in self.modified and oid not in self.added:
            self.modified[oid] = obj

    def delete(self, obj) -> None:
        oid = obj.__uuid__
        if oid in self.modified:
            del self.modified[oid]
        elif oid in self.added:
            del self.added[oid]
        self.deleted[oid] = obj

    async def get(self, oid: str):
        obj = self.modified.get(oid)
        if obj is not None:
            return obj
        obj = await self._manager.load(oid)
        obj.__txn__ = self  # LEAK
        return obj
