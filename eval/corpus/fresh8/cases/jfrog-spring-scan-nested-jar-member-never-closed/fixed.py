from __future__ import annotations

import os
import zlib
from tarfile import open as tar_open
from zipfile import BadZipFile, ZipFile

ZIP_EXTENSIONS = (".jar", ".war", ".ear", ".zip")
TAR_EXTENSIONS = (".tar", ".tar.gz", ".tgz")
MARKERS = (b"RequestMapping", b"GetMapping", b"PostMapping")


def is_archive_name(name: str) -> bool:
    return name.endswith(ZIP_EXTENSIONS) or name.endswith(TAR_EXTENSIONS)


def scan_zip(file, rel_path: str, quiet: bool) -> bool:
    found = False
    try:
        with ZipFile(file) as archive:
            for name in archive.namelist():
                if is_archive_name(name):
                    with archive.open(name, "r") as nested:
                        found |= scan_file(nested, os.path.join(rel_path, name), quiet)
                        continue
                if name.endswith(".class") and not name.endswith("module-info.class"):
                    content = archive.read(name)
                    found |= any(marker in content for marker in MARKERS)
    except (OSError, BadZipFile, UnicodeDecodeError, zlib.error, RuntimeError) as e:
        if not quiet:
            print(f"{rel_path}: {e}")
    return found


def scan_tar(file, rel_path: str, quiet: bool) -> bool:
    found = False
    try:
        with tar_open(fileobj=file) as archive:
            for item in archive.getmembers():
                if item.isfile() and is_archive_name(item.name):
                    found |= scan_file(archive.extractfile(item), rel_path + "/" + item.name, quiet)
    except (OSError, zlib.error, RuntimeError) as e:
        if not quiet:
            print(f"{rel_path}: {e}")
        return False
    return found


def scan_file(file, rel_path: str, quiet: bool) -> bool:
    if rel_path.endswith(ZIP_EXTENSIONS):
        return scan_zip(file, rel_path, quiet)
    if rel_path.endswith(TAR_EXTENSIONS):
        return scan_tar(file, rel_path, quiet)
    return False
