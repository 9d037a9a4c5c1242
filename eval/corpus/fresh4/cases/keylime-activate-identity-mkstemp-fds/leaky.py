from __future__ import annotations

import base64
import logging
import os
import subprocess
import tempfile

logger = logging.getLogger(__name__)


class TPM:
    def __init__(self, secdir: str, metadata: dict) -> None:
        self.secdir = secdir
        self.metadata = metadata

    def _run(self, command):
        return subprocess.run(command, check=True, capture_output=True)

    def activate_identity(self, keyblob_path: str):
        owner_pw = self.metadata["owner_pw"]
        aik_handle = self.metadata["aik_handle"]
        ek_handle = self.metadata["ek_handle"]
        secpath = None
        sesspath = None
        try:
            secfd, secpath = tempfile.mkstemp(dir=self.secdir)  # LEAK
            _, sesspath = tempfile.mkstemp(dir=self.secdir)  # LEAK

            self._run(["tpm2_startauthsession", "--policy-session", "-S", sesspath])
            self._run(["tpm2_policysecret", "-S", sesspath, "-c", "0x4000000B", owner_pw])
            self._run(["tpm2_activatecredential", "-c", aik_handle, "-C", hex(ek_handle), "-i", keyblob_path,
                       "-o", secpath, "-p", self.metadata["aik_pw"], "-P", "session:%s" % sesspath])
            self._run(["tpm2_flushcontext", sesspath])

            with open(secpath, "rb") as f:
                fileout = f.read()
            logger.info("AIK activated.")
            key = base64.b64encode(fileout)
            os.close(secfd)
            os.remove(secpath)
        except Exception as e:
            logger.error("Error decrypting AIK: %s", e)
            return None
        finally:
            if secpath is not None and os.path.exists(secpath):
                os.remove(secpath)
            if sesspath is not None and os.path.exists(sesspath):
                os.remove(sesspath)
        return key
