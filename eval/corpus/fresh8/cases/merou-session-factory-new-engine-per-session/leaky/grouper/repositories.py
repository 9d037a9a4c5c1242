from __future__ import annotations

from typing import Optional

from .session import Session, get_db_engine


class SessionFactory:
    def __init__(self, settings) -> None:
        self.settings = settings

    def create_session(self):
        db_engine = get_db_engine(self.settings.database)  # LEAK
        Session.configure(bind=db_engine)
        return Session()


class RepositoryFactory:
    def __init__(self, settings, plugins, session_factory: SessionFactory) -> None:
        self.settings = settings
        self.plugins = plugins
        self.session_factory = session_factory
        self._session: Optional[object] = None

    @property
    def session(self):
        if not self._session:
            self._session = self.session_factory.create_session()
        return self._session

    def group_names(self) -> list:
        return [name for (name,) in self.session.execute("SELECT groupname FROM groups")]


class UseCaseFactory:
    def __init__(self, settings, plugins, repository_factory: RepositoryFactory) -> None:
        self.settings = settings
        self.plugins = plugins
        self.repository_factory = repository_factory

    def list_groups(self) -> list:
        return self.repository_factory.group_names()
