from __future__ import annotations

import sqlalchemy

VALID_STORE = 1
NO_STORE = -1


class SqlTripleStore:
    def __init__(self, identifier=None, engine=None) -> None:
        self.identifier = identifier
        self.engine = engine
        self.metadata = sqlalchemy.MetaData()

    def open(self, configuration: str, create: bool = True) -> int:
        # drop whatever engine a previous open() made
        self.close()

        self.engine = sqlalchemy.create_engine(configuration)
        with self.engine.connect():
            if create:
                self.metadata.create_all(self.engine)
            status = self._verify_tables()
        if status != VALID_STORE and not create:
            raise RuntimeError("open(): create is False and the store does not exist")
        return status

    def _verify_tables(self) -> int:
        names = sqlalchemy.inspect(self.engine).get_table_names()
        return VALID_STORE if names else NO_STORE

    def close(self, commit_pending_transaction: bool = False) -> None:
        """Close the current store engine if one is open."""
        if self.engine:
            self.engine.dispose()
        self.engine = None
