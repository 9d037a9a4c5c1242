from __future__ import annotations

import subprocess
from subprocess import PIPE
from typing import List, Tuple


class XmlsecError(Exception):
    pass


def get_xmlsec_version(xmlsec_binary: str) -> str:
    pof = subprocess.Popen([xmlsec_binary, "--version"], stderr=PIPE, stdout=PIPE)  # LEAK
    content = pof.stdout.read().decode("ascii")
    return content.split(" ")[1]


class CryptoBackendXmlSec1:
    def __init__(self, xmlsec_binary: str) -> None:
        self.xmlsec = xmlsec_binary

    def _run_xmlsec(self, com_list: List[str]) -> Tuple[str, str]:
        pof = subprocess.Popen(com_list, stderr=PIPE, stdout=PIPE)  # LEAK
        p_out = pof.stdout.read().decode("utf-8")
        p_err = pof.stderr.read().decode("utf-8")
        if "error" in p_err.lower():
            raise XmlsecError(p_err)
        return p_out, p_err

    def validate_signature(self, signed_file: str, cert_file: str) -> bool:
        _, err = self._run_xmlsec([self.xmlsec, "--verify", "--pubkey-cert-pem", cert_file, signed_file])
        return "OK" in err
