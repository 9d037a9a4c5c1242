import sqlalchemy
import sqlalchemy.orm


class BatchEngine:
    def __init__(self, url: str) -> None:
        self._engine = sqlalchemy.create_engine(url)
        self._session_factory = sqlalchemy.orm.sessionmaker(bind=self._engine)

    def process_batch(self, items):
        results = []
        with self._session_factory() as session:
            for item in items:
                try:
                    results.append(self._process(session, item))
                except LookupError as exc:
                    results.append(exc)
        return results

    def _process(self, session, item):
        return session.execute(sqlalchemy.text("SELECT :v"), {"v": item}).scalar_one()

    def close(self) -> None:
        self._engine.dispose()
