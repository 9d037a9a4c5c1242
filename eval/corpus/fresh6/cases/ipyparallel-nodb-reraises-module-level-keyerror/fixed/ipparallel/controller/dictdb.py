from __future__ import annotations


class BaseDB:
    def add_record(self, msg_id, rec) -> None:
        raise NotImplementedError

    def get_record(self, msg_id):
        raise NotImplementedError

    def find_records(self, check, keys=None):
        raise NotImplementedError

    def get_history(self):
        raise NotImplementedError


class NoData(KeyError):
    """Special KeyError to raise when requesting data from NoDB."""

    def __str__(self) -> str:
        return ("NoDB backend doesn't store any data. "
                "Start the Controller with a DB backend to enable resubmission / result persistence.")


class NoDB(BaseDB):
    """A blackhole db backend that actually stores no information."""

    def add_record(self, msg_id, rec) -> None:
        pass

    def get_record(self, msg_id):
        raise NoData()

    def update_record(self, msg_id, record) -> None:
        pass

    def drop_record(self, msg_id) -> None:
        pass

    def find_records(self, check, keys=None):
        raise NoData()

    def get_history(self):
        raise NoData()
