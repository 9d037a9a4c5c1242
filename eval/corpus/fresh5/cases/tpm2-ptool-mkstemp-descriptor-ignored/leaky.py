from __future__ import annotations

import os
import subprocess
import tempfile


def tpm2_createprimary(tmpdir: str, hierarchy: str = "o") -> str:
    _, ctx = tempfile.mkstemp(prefix="", suffix=".ctx", dir=tmpdir)  # LEAK
    subprocess.check_call(["tpm2_createprimary", "-C", hierarchy, "-c", ctx])
    return ctx


def write_pubkey(tmpdir: str, pem: bytes) -> str:
    _, path = tempfile.mkstemp(suffix=".pem", dir=tmpdir)  # LEAK
    with open(path, "wb") as handle:
        handle.write(pem)
    os.chmod(path, 0o600)
    return path
