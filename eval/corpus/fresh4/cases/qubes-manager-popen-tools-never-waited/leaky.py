from __future__ import annotations

import subprocess

from PyQt6.QtCore import pyqtSlot
from PyQt6.QtWidgets import QMainWindow


class VmManagerWindow(QMainWindow):
    def __init__(self, qubes_app, parent=None):
        super().__init__(parent)
        self.qubes_app = qubes_app

    @pyqtSlot(name="on_action_global_settings_triggered")
    def action_global_settings_triggered(self):
        subprocess.Popen("qubes-global-config")  # LEAK

    @pyqtSlot(name="on_action_manage_templates_triggered")
    def action_manage_templates_triggered(self):
        subprocess.Popen("qubes-template-manager")  # LEAK
