from __future__ import annotations

import os
import tempfile
import zipfile


def build_charm(sources: list) -> str:
    _, zipname = tempfile.mkstemp(suffix=".charm")  # LEAK
    with zipfile.ZipFile(zipname, "w") as archive:
        for source in sources:
            archive.write(source, os.path.basename(source))
    return zipname
