import weakref
from typing import Dict, Optional


class Content:
    def __init__(self, uid: str) -> None:
        self.uid = uid
        self._txn_ref: Optional["weakref.ref[Transaction]"] = None

    @property
    def txn(self) -> Optional["Transaction"]:
        return self._txn_ref() if self._txn_ref is not None else None

    @txn.setter
    def txn(self, value: Optional["Transaction"]) -> None:
        self._txn_ref = weakref.ref(value) if value is not None else None


class Transaction:
    def __init__(self) -> None:
        self.modified: Dict[str, Content] = {}

    def register(self, obj: Content) -> None:
        obj.txn = self
        self.modified[obj.uid] = obj
