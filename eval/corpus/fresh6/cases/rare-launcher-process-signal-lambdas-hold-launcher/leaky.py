from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QObject, QProcess, Slot
from PySide6.QtWidgets import QDialog, QPushButton


class ConsoleDialog(QDialog):
    def __init__(self, app_title: str) -> None:
        super().__init__()
        self.setWindowTitle(app_title)
        self.kill_button = QPushButton("Kill", self)
        self.terminate_button = QPushButton("Terminate", self)

    def log_stdout(self, text: str) -> None:
        pass


class RareLauncher(QObject):
    def __init__(self, app_title: str, show_console: bool = True) -> None:
        super().__init__()
        self.game_process = QProcess(self)  # LEAK
        self.console: Optional[ConsoleDialog] = None
        if show_console:
            self.console = ConsoleDialog(app_title)
            self.console.show()
            self.game_process.stateChanged.connect(
                lambda s: self.console.kill_button.setEnabled(  # LEAK
                    self.game_process.state() == QProcess.ProcessState.Running
                )
            )
            self.game_process.stateChanged.connect(
                lambda s: self.console.terminate_button.setEnabled(  # LEAK
                    self.game_process.state() == QProcess.ProcessState.Running
                )
            )
        self.game_process.finished.connect(self._process_finished)
        if self.console:
            self.game_process.readyReadStandardOutput.connect(self._proc_log_stdout)

    @Slot()
    def _proc_log_stdout(self) -> None:
        self.console.log_stdout(self.game_process.readAllStandardOutput().data().decode("utf-8", "ignore"))

    @Slot(int, QProcess.ExitStatus)
    def _process_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self.console:
            self.console.close()
