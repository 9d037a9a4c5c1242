from decimal import Decimal, InvalidOperation

from toga_winforms.libs import WinForms
from toga_winforms.widgets.base import Widget


class NumberInput(Widget):
    def create(self) -> None:
        self.native = WinForms.NumericUpDown()
        self.native.TextChanged += self.winforms_text_changed  # LEAK

    def winforms_text_changed(self, sender, event) -> None:
        self.interface.on_change(None)

    def get_value(self):
        try:
            return Decimal(self.native.Text)
        except InvalidOperation:
            return None
