import json
import logging
from pathlib import Path
from typing import Any, Dict, Optional

logger = logging.getLogger(__name__)
DEFAULT_TRANSLATION = "en"


class Translator:
    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._lang = DEFAULT_TRANSLATION
        self._strings: Dict[str, str] = self._load(DEFAULT_TRANSLATION)

    def _load(self, lang: str) -> Dict[str, str]:
        path = self._directory / ("%s.json" % lang)
        if not path.exists():
            return {}
        with path.open(encoding="utf-8") as f:
            return json.load(f)

    def change_language(self, lang: str) -> None:
        # Takes effect for widgets built from now on.
        self._lang = lang
        self._strings.update(self._load(lang))

    def _format(self, text: str, **kwargs: Any) -> str:
        try:
            return text.format(**kwargs)
        except (KeyError, ValueError):
            logger.error("could not format translation %r with %r", text, kwargs)
            return text

    def translate_formatted(self, key: str, **kwargs: Any) -> str:
        return self._format(self[key], **kwargs)

    def __getitem__(self, key: str) -> str:
        return self._strings.get(key, "[%s]" % key)


Translations = Translator(Path(__file__).parent / "resources" / "translations")
