import logging
from typing import Any, Dict, Optional

from netmiko import log


class SecretsFilter(logging.Filter):
    def __init__(self, no_log: Optional[Dict[Any, str]] = None) -> None:
        self.no_log = no_log

    def filter(self, record: logging.LogRecord) -> bool:
        """Removes secrets (no_log) from messages"""
        if self.no_log:
            for hidden_data in self.no_log.values():
                record.msg = record.msg.replace(hidden_data, "********")
        return True


class BaseConnection:
    def __init__(self, host: str = "", username: str = "", password: Optional[str] = None,
                 secret: str = "", protocol: str = "ssh", session_log=None, auto_connect: bool = True) -> None:
        self.host = host
        self.username = username
        self.password = password
        self.secret = secret
        self.protocol = protocol
        self.remote_conn = None
        self.remote_conn_pre = None
        self.session_log = session_log

        # prevent logging secret data
        no_log = {}
        if self.password:
            no_log["password"] = self.password
        if self.secret:
            no_log["secret"] = self.secret
        # Always sanitize username and password
        self._secrets_filter = SecretsFilter(no_log=no_log)
        log.addFilter(self._secrets_filter)

        if auto_connect:
            self._open()

    def _open(self) -> None:
        self.remote_conn_pre = self._build_ssh_client()

    def _build_ssh_client(self):
        import paramiko
        return paramiko.SSHClient()

    def cleanup(self, command: str = "exit") -> None:
        pass

    def disconnect(self) -> None:
        """Try to gracefully close the session."""
        try:
            self.cleanup()
        except Exception:
            # Keep going on cleanup process even if exceptions
            pass

        try:
            if self.remote_conn_pre is not None:
                self.remote_conn_pre.close()
        except Exception:
            # There have been race conditions observed on disconnect.
            pass
        finally:
            self.remote_conn_pre = None
            self.remote_conn = None
            if self.session_log:
                self.session_log.close()
            log.removeFilter(self._secrets_filter)
