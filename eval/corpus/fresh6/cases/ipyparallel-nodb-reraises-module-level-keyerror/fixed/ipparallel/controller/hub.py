from __future__ import annotations

import logging
import traceback

from .dictdb import BaseDB


def wrap_exception() -> dict:
    return {"status": "error", "traceback": traceback.format_exc()}


class Hub:
    """The controller's hub: answers clients' queries from its task database."""

    def __init__(self, db: BaseDB, session, query) -> None:
        self.db = db
        self.session = session
        self.query = query
        self.log = logging.getLogger(__name__)

    def get_history(self, client_id, msg) -> None:
        """Get a list of all msg_ids in our DB records."""
        try:
            msg_ids = self.db.get_history()
        except Exception:
            content = wrap_exception()
            self.log.exception("Failed to get history")
        else:
            content = dict(status="ok", history=msg_ids)
        self.session.send(self.query, "history_reply", content=content, parent=msg, ident=client_id)

    def get_results(self, client_id, msg) -> None:
        msg_ids = sorted(set(msg["content"]["msg_ids"]))
        try:
            matches = self.db.find_records(dict(msg_id={"$in": msg_ids}))
            content = dict(status="ok", records={rec["msg_id"]: rec for rec in matches})
        except Exception:
            content = wrap_exception()
            self.log.exception("Failed to get results")
        self.session.send(self.query, "result_reply", content=content, parent=msg, ident=client_id)
