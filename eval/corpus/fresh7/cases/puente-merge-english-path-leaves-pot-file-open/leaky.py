from __future__ import annotations

import os
from subprocess import Popen
from tempfile import TemporaryFile
from typing import Iterable


def merge_catalogs(locale_dir: str, domains: Iterable[str], backup: bool = False) -> None:
    for domain in domains:
        template = os.path.join(locale_dir, "templates", "LC_MESSAGES", f"{domain}.pot")
        if not os.path.isfile(template):
            raise FileNotFoundError(template)

        for locale in sorted(os.listdir(locale_dir)):
            if locale.startswith(".") or locale == "templates":
                continue
            catalog = os.path.join(locale_dir, locale, "LC_MESSAGES", f"{domain}.po")

            template_file = open(template)  # LEAK
            if locale == "en_US":
                # English catalogue: copy msgids into msgstrs first
                english = TemporaryFile("w+t")
                Popen(["msgen", "-"], stdin=template_file, stdout=english).communicate()
                source = english
            else:
                source = template_file

            source.seek(0)
            command = ["msgmerge", "--update", "--width=200",
                       "--backup=%s" % ("simple" if backup else "off"), catalog, "-"]
            Popen(command, stdin=source).communicate()
            source.close()
