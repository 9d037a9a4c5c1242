from typing import Any, List, Optional

from .translations import Translations


class Label:
    def __init__(self, parent: Optional[Any] = None) -> None:
        self.parent = parent
        self.text = ""

    def setText(self, text: str) -> None:
        self.text = text


class Button(Label):
    pass


class FieldPanel:
    """Built anew for every selected entry, then discarded."""

    def __init__(self, entry: Any) -> None:
        self.entry = entry
        self.title = Label(self)
        self.add_button = Button(self)
        self.rows: List[Label] = []
        Translations.translate_qobject(self.title, "entries.fields.title", count=len(entry.fields))
        Translations.translate_qobject(self.add_button, "generic.add")
        for field in entry.fields:
            row = Label(self)
            Translations.translate_with_setter(row.setText, "entries.fields.row", name=field)
            self.rows.append(row)
