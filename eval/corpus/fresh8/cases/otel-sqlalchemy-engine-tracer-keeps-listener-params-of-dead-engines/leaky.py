from __future__ import annotations

import weakref

from sqlalchemy.event import listen, remove


class EngineWatcher:
    _listener_records: list = []  # LEAK

    def __init__(self, tracer, engine, usage_counter) -> None:
        self.tracer = tracer
        self.usage_counter = usage_counter
        self.dialect = engine.name
        self._attributes = {"db.system": engine.name, "pool.name": engine.pool.logging_name or ""}
        self._attach(engine, "before_cursor_execute", self._before_execute, retval=True)
        self._attach(engine, "checkout", self._on_checkout)
        self._attach(engine, "checkin", self._on_checkin)

    def _count(self, state: str, delta: int) -> None:
        self.usage_counter.add(delta, attributes={**self._attributes, "state": state})

    def _on_checkout(self, dbapi_connection, record, proxy) -> None:
        self._count("idle", -1)
        self._count("used", 1)

    def _on_checkin(self, dbapi_connection, record) -> None:
        self._count("used", -1)
        self._count("idle", 1)

    def _before_execute(self, conn, cursor, statement, params, context, executemany):
        context._span = self.tracer.start_span(statement.split()[0] if statement else self.dialect)
        return statement, params

    @classmethod
    def _attach(cls, target, identifier, func, *args, **kw) -> None:
        listen(target, identifier, func, *args, **kw)
        cls._listener_records.append((weakref.ref(target), identifier, func))  # LEAK

    @classmethod
    def detach_all(cls) -> None:
        for target_ref, identifier, func in cls._listener_records:
            target = target_ref()
            if target is not None:
                remove(target, identifier, func)
        cls._listener_records.clear()
