from toga_winforms.libs import WinForms
from toga_winforms.internal.wrappers import WeakrefCallable
from toga_winforms.widgets.base import Widget


class Button(Widget):
    def create(self) -> None:
        self.native = WinForms.Button()
        self.native.AutoSizeMode = WinForms.AutoSizeMode.GrowAndShrink
        self.native.Click += WeakrefCallable(self.winforms_click)

    def winforms_click(self, sender, event) -> None:
        self.interface.on_press(None)

    def get_text(self) -> str:
        value = self.native.Text
        return "" if value == "\u200B" else value

    def set_text(self, text: str) -> None:
        self.native.Text = text or "\u200B"
