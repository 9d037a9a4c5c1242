from __future__ import annotations

from kivy.properties import BooleanProperty, ColorProperty, OptionProperty, StringProperty
from kivy.uix.label import Label

from kivymd.theming import ThemableBehavior

__MDLabel_colors__ = {
    "Primary": "text_color",
    "Secondary": "secondary_text_color",
    "Hint": "disabled_hint_text_color",
    "Error": "error_color",
    "OP": {
        "Primary": "opposite_text_color",
        "Secondary": "opposite_secondary_text_color",
        "Hint": "opposite_disabled_hint_text_color",
    },
}


class MDLabel(ThemableBehavior, Label):
    theme_text_color = OptionProperty(
        "Primary", allownone=True, options=["Primary", "Secondary", "Hint", "Error", "Custom", "ContrastParentBackground"]
    )
    text_color = ColorProperty(None)
    opposite_colors = BooleanProperty(False)
    _text_color_str = StringProperty()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_theme_text_color(None, self.theme_text_color)
        self.theme_cls.bind(theme_style=self._do_update_theme_color)

    def on_theme_text_color(self, instance, value) -> None:
        if self.opposite_colors:
            self._text_color_str = __MDLabel_colors__.get("OP", {}).get(value, "")
        else:
            self._text_color_str = __MDLabel_colors__.get(value, "")
        if self._text_color_str:
            self._do_update_theme_color()
        else:
            self._text_color_str = ""
            if value == "Custom" and self.text_color:
                self.color = self.text_color
            else:
                self.color = [0, 0, 0, 1]

    def _do_update_theme_color(self, *arguments) -> None:
        if self._text_color_str:
            self.color = getattr(self.theme_cls, self._text_color_str)

    def on_opposite_colors(self, instance, value) -> None:
        self.on_theme_text_color(self, self.theme_text_color)
