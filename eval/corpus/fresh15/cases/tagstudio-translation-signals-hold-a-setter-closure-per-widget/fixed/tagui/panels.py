from typing import Any, List, Optional

from .translations import Translations


class Label:
    def __init__(self, text: str = "", parent: Optional[Any] = None) -> None:
        self.parent = parent
        self.text = text

    def setText(self, text: str) -> None:
        self.text = text


class Button(Label):
    pass


class FieldPanel:
    """Built anew for every selected entry, then discarded."""

    def __init__(self, entry: Any) -> None:
        self.entry = entry
        self.title = Label(Translations.translate_formatted("entries.fields.title", count=len(entry.fields)), self)
        self.add_button = Button(Translations["generic.add"], self)
        self.rows: List[Label] = []
        for field in entry.fields:
            self.rows.append(Label(Translations.translate_formatted("entries.fields.row", name=field), self))
