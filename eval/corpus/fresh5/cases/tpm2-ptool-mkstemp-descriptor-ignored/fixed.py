from __future__ import annotations

import os
import subprocess
from tempfile import mkstemp
from typing import Optional, Tuple


class Tpm2:
    def __init__(self, tmpdir: str) -> None:
        self._tmp = tmpdir

    def create(self, phandle: int, objauth: Optional[str] = None, alg: Optional[str] = None) -> Tuple[str, str]:
        # tpm2_create -C context.out -u key.pub -r key.priv
        privfd, priv = mkstemp(prefix="", suffix=".priv", dir=self._tmp)
        os.close(privfd)
        pubfd, pub = mkstemp(prefix="", suffix=".pub", dir=self._tmp)
        os.close(pubfd)
        cmd = ["tpm2_create", "-C", str(phandle), "-u", pub, "-r", priv]
        if objauth:
            cmd.extend(["-p", objauth])
        if alg:
            cmd.extend(["-G", alg])
        subprocess.check_call(cmd)
        return priv, pub

    def importkey(self, phandle: int, privkey: str) -> Tuple[str, str]:
        privfd, priv = mkstemp(prefix="", suffix=".priv", dir=self._tmp)
        os.close(privfd)
        pubfd, pub = mkstemp(prefix="", suffix=".pub", dir=self._tmp)
        os.close(pubfd)
        subprocess.check_call(["tpm2_import", "-C", str(phandle), "-i", privkey, "-u", pub, "-r", priv])
        return priv, pub
