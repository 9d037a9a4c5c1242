from __future__ import annotations

import subprocess
from typing import Optional

import grpc

from . import proto
from .model import Security


def secure_channel(address: str, security: Security) -> grpc.Channel:
    cert_bytes = security._get_bytes("cert")
    key_bytes = security._get_bytes("key")
    creds = grpc.ssl_channel_credentials(cert_bytes, key_bytes, cert_bytes)
    options = [("grpc.ssl_target_name_override", "skein-internal"),
               ("grpc.default_authority", "skein-internal")]
    return grpc.secure_channel(address, creds, options)


class Client(object):
    __slots__ = ("address", "security", "_stub", "_proc")

    def __init__(self, address: str, security: Security, proc: Optional[subprocess.Popen] = None) -> None:
        self._stub = proto.DriverStub(secure_channel(address, security))  # LEAK
        self.address = address
        self.security = security
        self._proc = proc

    def close(self) -> None:
        if self._proc is not None:
            self._proc.stdin.close()
            self._proc.wait()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *args) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()


class ApplicationClient(object):
    def __init__(self, address: str, app_id: str, security: Optional[Security] = None) -> None:
        self.address = address
        self.security = security or Security.from_default()
        self.id = app_id
        self._stub = proto.AppMasterStub(secure_channel(address, self.security))  # LEAK

    def shutdown(self, status: str = "SUCCEEDED", diagnostics: Optional[str] = None) -> None:
        self._stub.shutdown(proto.ShutdownRequest(final_status=status, diagnostics=diagnostics))
