from __future__ import annotations

from flask import Flask, g


def create_app(pool) -> Flask:
    app = Flask(__name__)

    @app.before_request
    def acquire_connection() -> None:
        g.connection = pool.getconn()

    @app.teardown_request
    def release_connection(exc: BaseException | None) -> None:
        connection = g.pop("connection", None)
        if connection is not None:
            pool.putconn(connection)

    return app
