import logging

from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

from edumfa.lib.framework import get_app_config_value, get_app_local_store
from edumfa.lib.lifecycle import register_finalizer
from edumfa.lib.pooling import get_engine

log = logging.getLogger(__name__)


class Audit(object):
    def __init__(self, config=None):
        self.name = "sqlaudit"
        self.config = config or {}
        self.engine = get_engine(self.name, self._create_engine)
        self.session = scoped_session(sessionmaker(bind=self.engine))
        # return the connection to the pool when the request has been handled
        register_finalizer(self._finalize_session)  # LEAK
        self.session._model_changes = {}

    def _create_engine(self):
        return create_engine(self.config.get("EDUMFA_AUDIT_SQL_URI"), pool_size=5)

    def _finalize_session(self):
        """Close the current session."""
        self.session.remove()

    def add_to_log(self, param):
        self.audit_data = dict(param)

    def finalize_log(self):
        self.session.execute(self._insert_statement(), self.audit_data)
        self.session.commit()
