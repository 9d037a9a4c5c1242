from __future__ import annotations

from kivy.properties import BooleanProperty, ColorProperty, OptionProperty
from kivy.uix.label import Label

from kivymd.theming import ThemableBehavior


class MDLabel(ThemableBehavior, Label):
    theme_text_color = OptionProperty(
        "Primary", allownone=True, options=["Primary", "Secondary", "Hint", "Error", "Custom", "ContrastParentBackground"]
    )
    text_color = ColorProperty(None)
    opposite_colors = BooleanProperty(False)

    _currently_bound_property = {}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_theme_text_color(None, self.theme_text_color)

    def on_theme_text_color(self, instance, value) -> None:
        t = self.theme_cls
        op = self.opposite_colors
        setter = self.setter("color")
        t.unbind(**self._currently_bound_property)
        attr_name = {
            "Primary": "text_color" if not op else "opposite_text_color",
            "Secondary": "secondary_text_color" if not op else "opposite_secondary_text_color",
            "Hint": "disabled_hint_text_color" if not op else "opposite_disabled_hint_text_color",
            "Error": "error_color",
        }.get(value, None)
        if attr_name:
            c = {attr_name: setter}
            t.bind(**c)  # LEAK
            self._currently_bound_property = c
            self.color = getattr(t, attr_name)
        elif value == "Custom" and self.text_color:
            self.color = self.text_color
        else:
            self.color = [0, 0, 0, 1]

    def on_opposite_colors(self, instance, value) -> None:
        self.on_theme_text_color(self, self.theme_text_color)
