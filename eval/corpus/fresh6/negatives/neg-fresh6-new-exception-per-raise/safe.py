from __future__ import annotations


class NoData(KeyError):
    """Raised when data is requested from a backend that stores none."""

    def __str__(self) -> str:
        return "This backend doesn't store any data."


class NoDB:
    def add_record(self, msg_id, record) -> None:
        pass

    def get_record(self, msg_id):
        raise NoData(msg_id)

    def find_records(self, check, keys=None):
        raise NoData(check)

    def get_history(self):
        raise NoData()
