import fnmatch
import os
import shutil
import tempfile
import zipfile

SKIP = (".gitignore", ".git", "*.pyc", "__pycache__")
LICENSE = "BSD 3-clause"


def _skip(filename: str) -> bool:
    return any(fnmatch.fnmatch(filename, pattern) for pattern in SKIP)


def pack_snapshot(source_dir: str, path: str, overwrite: bool = True) -> str:
    path = os.path.abspath(path)
    if os.path.isfile(path) and not overwrite:
        raise IOError("File already exists at given path.")
    zmod = zipfile.ZIP_DEFLATED

    def walk(zf: zipfile.ZipFile, pre: str, root: str, start: str) -> None:
        for leaf in os.listdir(root):
            if _skip(leaf):
                continue
            leaf = os.path.join(root, leaf)
            name = os.path.relpath(leaf, start)
            if os.path.isdir(leaf):
                walk(zf, pre, leaf, start)
            elif os.path.isfile(leaf):
                zf.write(leaf, os.path.join(pre, name), zmod)

    tf = tempfile.mkstemp()
    try:
        with os.fdopen(tf[0], "wb") as f:
            with zipfile.ZipFile(f, "w", compression=zmod) as zf:
                walk(zf, "pkg", source_dir, source_dir)
                zf.writestr("LICENSE", LICENSE.encode("utf-8"), zmod)
        shutil.copy(tf[1], path)
    finally:
        if os.path.isfile(tf[1]):
            os.remove(tf[1])
    return path
