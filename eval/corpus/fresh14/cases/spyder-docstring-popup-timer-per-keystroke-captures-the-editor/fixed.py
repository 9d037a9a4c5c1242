from qtpy.QtCore import QTimer
from qtpy.QtWidgets import QPlainTextEdit


class SourceEditor(QPlainTextEdit):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)

        # One timer for the docstring offer, connected to a bound method: Qt tracks
        # bound-method slots weakly, and no closure of the editor is created per call.
        self._docstring_text = ""
        self._docstring_position = 0
        self._docstring_timer = QTimer(self)
        self._docstring_timer.setInterval(300)
        self._docstring_timer.setSingleShot(True)
        self._docstring_timer.timeout.connect(self._show_saved_docstring_menu)

    def show_docstring_menu(self, line_text: str, position: int) -> None:
        if self.textCursor().position() != position:
            return
        self.insertPlainText("\n" + line_text.strip())

    def schedule_docstring_menu(self) -> None:
        """Called after typing three quotes: wait a little, then offer a docstring."""
        self._docstring_text = self.textCursor().block().text()
        self._docstring_position = self.textCursor().position()
        self._docstring_timer.start()

    def _show_saved_docstring_menu(self) -> None:
        self.show_docstring_menu(self._docstring_text, self._docstring_position)
