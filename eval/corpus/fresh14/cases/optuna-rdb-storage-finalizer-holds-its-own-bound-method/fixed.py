import threading
from typing import Any, Dict, List, Optional

import sqlalchemy
import sqlalchemy.orm


class RDBStorage:
    def __init__(self, url: str, engine_kwargs: Optional[Dict[str, Any]] = None) -> None:
        self.url = url
        self.engine = sqlalchemy.create_engine(url, **(engine_kwargs or {}))
        self.scoped_session = sqlalchemy.orm.scoped_session(sqlalchemy.orm.sessionmaker(bind=self.engine))
        self._finished_trials_cache: Dict[int, List[Any]] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> Dict[str, Any]:
        state = self.__dict__.copy()
        del state["scoped_session"], state["engine"], state["_lock"]
        return state

    def get_all_trials(self, study_id: int) -> List[Any]:
        with self._lock:
            cached = self._finished_trials_cache.get(study_id)
            if cached is None:
                session = self.scoped_session()
                cached = list(session.execute(sqlalchemy.text("SELECT * FROM trials WHERE study_id = :s"), {"s": study_id}))
                self._finished_trials_cache[study_id] = cached
            return cached

    def remove_session(self) -> None:
        """Closes this thread's session so the connection is released by the thread that opened it."""
        self.scoped_session.remove()


class Study:
    def __init__(self, study_name: str, storage: RDBStorage, study_id: int) -> None:
        self.study_name = study_name
        self._storage = storage
        self._study_id = study_id

    @property
    def trials(self) -> List[Any]:
        return self._storage.get_all_trials(self._study_id)


def load_study(study_name: str, url: str, study_id: int) -> Study:
    return Study(study_name, RDBStorage(url), study_id)
