from __future__ import annotations

import re
import subprocess
from collections import namedtuple
from mimetypes import guess_type

UnoconvResult = namedtuple("UnoconvResult", ["stdout", "stderr", "returncode", "content_type"])


def run_subprocess(cmd):
    return subprocess.run([str(arg) for arg in cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # LEAK


class Unoconv:
    def __init__(self, pythonpath: str, unoconvpath: str) -> None:
        self.cmd = [pythonpath, unoconvpath]

    def get_formats(self) -> set:
        p = run_subprocess(self.cmd + ["--show"])
        if not p.returncode == 0:
            raise Exception("Failed to fetch the formats from unoconv!")
        return set(re.findall(r"^\s+(\w+)\s+-", p.stderr.decode("utf-8"), re.MULTILINE))

    def process(self, filename: str, convert: str) -> UnoconvResult:
        p = run_subprocess(self.cmd + ["--format", convert, "--stdout", filename])
        stdout = p.stdout
        if not p.returncode == 0:
            stdout = f"unoconv returncode: {p.returncode}"
        content_type, _ = guess_type(f"something.{convert}")
        return UnoconvResult(stdout=stdout, stderr=p.stderr, returncode=p.returncode, content_type=content_type)
