import json
import logging
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from .signals import Signal

logger = logging.getLogger(__name__)
DEFAULT_TRANSLATION = "en"


class TranslatedString:
    def __init__(self, value: str) -> None:
        self.changed = Signal()
        self._default = value
        self._value: Optional[str] = None

    @property
    def value(self) -> str:
        return self._value or self._default

    @value.setter
    def value(self, value: Optional[str]) -> None:
        if self._value != value:
            self._value = value
            self.changed.emit(self.value)


class Translator:
    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._lang = DEFAULT_TRANSLATION
        self._strings: Dict[str, TranslatedString] = {
            key: TranslatedString(text) for key, text in self._load(DEFAULT_TRANSLATION).items()
        }

    def _load(self, lang: str) -> Dict[str, str]:
        path = self._directory / ("%s.json" % lang)
        if not path.exists():
            return {}
        with path.open(encoding="utf-8") as f:
            return json.load(f)

    def change_language(self, lang: str) -> None:
        self._lang = lang
        translated = self._load(lang)
        for key, string in self._strings.items():
            string.value = translated.get(key)

    def translate_qobject(self, widget: Any, key: str, **kwargs: Any) -> None:
        setter = widget.setTitle if hasattr(widget, "setTitle") else widget.setText
        self.translate_with_setter(setter, key, **kwargs)

    def translate_with_setter(self, setter: Callable[[str], None], key: str, **kwargs: Any) -> None:
        """Calls setter now and again whenever the language changes."""
        if key in self._strings:
            self._strings[key].changed.connect(lambda text: setter(self._format(text, **kwargs)))  # LEAK
        setter(self.translate_formatted(key, **kwargs))

    def _format(self, text: str, **kwargs: Any) -> str:
        try:
            return text.format(**kwargs)
        except (KeyError, ValueError):
            logger.error("could not format translation %r with %r", text, kwargs)
            return text

    def translate_formatted(self, key: str, **kwargs: Any) -> str:
        return self._format(self[key], **kwargs)

    def __getitem__(self, key: str) -> str:
        return self._strings[key].value if key in self._strings else "[%s]" % key


Translations = Translator(Path(__file__).parent / "resources" / "translations")
