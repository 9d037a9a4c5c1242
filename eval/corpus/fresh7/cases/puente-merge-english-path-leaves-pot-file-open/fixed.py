from __future__ import annotations

import os
from subprocess import Popen
from tempfile import TemporaryFile
from typing import IO, Iterable


def merge_catalogs(locale_dir: str, domains: Iterable[str], backup: bool = False) -> None:
    for domain in domains:
        template = os.path.join(locale_dir, "templates", "LC_MESSAGES", f"{domain}.pot")
        if not os.path.isfile(template):
            raise FileNotFoundError(template)

        for locale in sorted(os.listdir(locale_dir)):
            if locale.startswith(".") or locale == "templates":
                continue
            catalog = os.path.join(locale_dir, locale, "LC_MESSAGES", f"{domain}.po")

            with open(template) as template_file:
                if locale == "en_US":
                    # English catalogue: copy msgids into msgstrs first
                    with TemporaryFile("w+t") as english:
                        Popen(["msgen", "-"], stdin=template_file, stdout=english).communicate()
                        _merge(catalog, english, backup)
                else:
                    _merge(catalog, template_file, backup)


def _merge(catalog: str, source: IO[str], backup: bool) -> None:
    source.seek(0)
    command = ["msgmerge", "--update", "--width=200",
               "--backup=%s" % ("simple" if backup else "off"), catalog, "-"]
    Popen(command, stdin=source).communicate()
