from qtpy.QtCore import QTimer
from qtpy.QtWidgets import QPlainTextEdit


class SourceEditor(QPlainTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)

    def show_docstring_menu(self, line_text: str, position: int) -> None:
        if self.textCursor().position() != position:
            return
        self.insertPlainText("\n" + line_text.strip())

    def schedule_docstring_menu(self) -> None:
        """Called after typing three quotes: wait a little, then offer a docstring."""
        line_text = self.textCursor().block().text()
        position = self.textCursor().position()

        timer = QTimer(self)  # LEAK
        timer.setInterval(300)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self.show_docstring_menu(line_text, position))  # LEAK
        timer.start()
