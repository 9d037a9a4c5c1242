from __future__ import annotations

import os
import sys


class LDAPError(Exception):
    pass


class SimpleLDAPObject:
    def __init__(self, connection) -> None:
        self._l = connection

    def _ldap_call(self, func, *args):
        try:
            return func(*args)
        except LDAPError as e:
            exc_type, exc_value, exc_traceback = sys.exc_info()  # LEAK
            details = e.args[0] if e.args and isinstance(e.args[0], dict) else None
            if details is not None and "info" not in details and "errno" in details:
                details["info"] = os.strerror(details["errno"])
            raise exc_value.with_traceback(exc_traceback)
