from __future__ import annotations


class _ExtensionState:
    """Remembers configuration for the (db, app) pair."""

    def __init__(self, db, app) -> None:
        self.db = db
        self.app = app  # LEAK
        self.connectors: dict = {}


class Database:
    def __init__(self, app=None) -> None:
        self.app = app
        if app is not None:
            self.init_app(app)

    def init_app(self, app) -> None:
        app.config.setdefault("DATABASE_URI", "sqlite://")
        app.config.setdefault("DATABASE_ECHO", False)
        if not hasattr(app, "extensions"):
            app.extensions = {}
        app.extensions["database"] = _ExtensionState(self, app)  # LEAK

        @app.teardown_appcontext
        def shutdown_session(response_or_exc):
            self.remove_session()
            return response_or_exc

    def remove_session(self) -> None:
        pass
