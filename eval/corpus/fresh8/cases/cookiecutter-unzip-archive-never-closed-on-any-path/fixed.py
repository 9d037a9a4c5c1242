from __future__ import annotations

import os
import tempfile
from zipfile import BadZipFile, ZipFile


class InvalidTemplateArchive(Exception):
    pass


def read_password(prompt: str) -> str:
    return input(prompt + ": ")


def unpack_template(zip_path: str, no_input: bool = False, password: str | None = None) -> str:
    """Unpack a template archive into a temporary directory and return the project path."""
    try:
        with ZipFile(zip_path) as archive:
            if len(archive.namelist()) == 0:
                raise InvalidTemplateArchive(f"archive {zip_path} is empty")

            first = archive.namelist()[0]
            if not first.endswith("/"):
                raise InvalidTemplateArchive(f"archive {zip_path} has no top-level directory")

            base = tempfile.mkdtemp()
            project_path = os.path.join(base, first[:-1])

            try:
                archive.extractall(path=base)
            except RuntimeError as locked:
                if password is not None:
                    try:
                        archive.extractall(path=base, pwd=password.encode("utf-8"))
                    except RuntimeError as e:
                        raise InvalidTemplateArchive("invalid password for protected archive") from e
                elif no_input:
                    raise InvalidTemplateArchive("cannot unlock a protected archive without input") from locked
                else:
                    attempts = 0
                    while True:
                        try:
                            archive.extractall(path=base, pwd=read_password("Archive password").encode("utf-8"))
                            break
                        except RuntimeError as e:
                            attempts += 1
                            if attempts == 3:
                                raise InvalidTemplateArchive("invalid password for protected archive") from e
    except BadZipFile as e:
        raise InvalidTemplateArchive(f"archive {zip_path} is not a valid zip file") from e

    return project_path
