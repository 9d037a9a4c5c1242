import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

from edumfa.lib.framework import get_app_config_value, get_app_local_store
from edumfa.lib.lifecycle import register_finalizer, register_request_finalizer
from edumfa.lib.pooling import get_engine

log = logging.getLogger(__name__)


class Audit(object):
    def __init__(self, config=None):
        self.name = "sqlaudit"
        self.config = config or {}
        store = get_app_local_store()
        if get_app_config_value("EDUMFA_ENGINE_REGISTRY_CLASS", "shared") == "null":
            self.engine = self._create_engine()
            self.session = scoped_session(sessionmaker(bind=self.engine))
            # a new session for every request: destroy it after the request
            register_request_finalizer(self.session.close)
            register_request_finalizer(self.engine.dispose)
        else:
            self.engine = get_engine(self.name, self._create_engine)
            if "sqlaudit.session" not in store:
                self.session = scoped_session(sessionmaker(bind=self.engine))
                store["sqlaudit.session"] = self.session
                register_finalizer(self.session.close)
            else:
                self.session = store["sqlaudit.session"]
        self.session._model_changes = {}

    def _create_engine(self):
        return create_engine(self.config.get("EDUMFA_AUDIT_SQL_URI"), pool_size=5)

    def add_to_log(self, param):
        self.audit_data = dict(param)

    def finalize_log(self):
        self.session.execute(self._insert_statement(), self.audit_data)
        self.session.commit()
