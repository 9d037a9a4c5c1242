from __future__ import annotations

import shlex
import subprocess
import threading
from typing import List, Union

from PyQt6.QtCore import pyqtSlot
from PyQt6.QtWidgets import QMainWindow


def spawn_in_background(cmd: Union[str, List[str]]) -> None:
    if isinstance(cmd, str):
        cmd = shlex.split(cmd)
    p = subprocess.Popen(cmd)
    # reap the child when it exits, without blocking the window
    threading.Thread(target=lambda: p.wait(), daemon=True).start()


class VmManagerWindow(QMainWindow):
    def __init__(self, qubes_app, parent=None):
        super().__init__(parent)
        self.qubes_app = qubes_app

    @pyqtSlot(name="on_action_global_settings_triggered")
    def action_global_settings_triggered(self):
        spawn_in_background("qubes-global-config")

    @pyqtSlot(name="on_action_manage_templates_triggered")
    def action_manage_templates_triggered(self):
        spawn_in_background("qubes-template-manager")
