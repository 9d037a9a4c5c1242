from __future__ import annotations

import json
import mimetypes
import subprocess

from file_metadata.utilities import memoized


class GenericFile(object):
    def __init__(self, fname: str) -> None:
        self.filename = fname

    @classmethod
    def create(cls, *args, **kwargs) -> "GenericFile":
        return cls(*args, **kwargs)

    @memoized(is_method=True)  # LEAK
    def fetch(self, key=""):
        """Fetch data about the file for the given key (cached)."""
        if key == "filename":
            return self.filename
        with open(self.filename, "rb") as f:
            return f.read()

    @memoized(is_method=True)  # LEAK
    def exiftool(self):
        out = subprocess.run(["exiftool", "-j", self.filename], capture_output=True, check=True).stdout
        data = json.loads(out)
        assert len(data) == 1
        return data[0]

    @memoized(is_method=True)  # LEAK
    def mime(self):
        return mimetypes.guess_type(self.filename)[0]

    @memoized(is_method=True)  # LEAK
    def is_type(self, key):
        if key == "svg":
            return self.mime() == "image/svg+xml"
        return False

    def analyze(self):
        return {"File:MIMEType": self.mime(), "File:Size": len(self.fetch())}
