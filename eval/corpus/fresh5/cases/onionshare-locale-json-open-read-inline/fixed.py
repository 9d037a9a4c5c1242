from __future__ import annotations

import json
import os
from typing import Dict

strings: Dict[str, str] = {}


def load_strings(locale_dir: str, default: str = "en", wanted: str = "en") -> None:
    """Load the default strings, then overlay the wanted language."""
    translations = {}
    for filename in os.listdir(locale_dir):
        abs_filename = os.path.join(locale_dir, filename)
        lang, ext = os.path.splitext(filename)
        if ext == ".json":
            with open(abs_filename, encoding="utf-8") as handle:
                lang_json = handle.read()
            translations[lang] = json.loads(lang_json)

    strings.clear()
    strings.update(translations[default])
    if wanted in translations:
        for key, text in translations[wanted].items():
            if text:
                strings[key] = text


def translated(key: str) -> str:
    return strings.get(key, key)
