from __future__ import annotations

from typing import Any

from PyQt5 import QtWidgets


class MSColabMainWindow(QtWidgets.QMainWindow):
    def __init__(self, mscolab_server_url: str) -> None:
        super().__init__()
        self.mscolab_server_url = mscolab_server_url
        self.connectMscolab = QtWidgets.QPushButton("Connect", self)
        self.connectMscolab.clicked.connect(self.connect_handler)
        self.conn: Any = None

    def connect_handler(self) -> None:
        self.conn = {"url": self.mscolab_server_url}
        self.connectMscolab.setText("Disconnect")
        self.connectMscolab.clicked.connect(self.disconnect_handler)  # LEAK

    def disconnect_handler(self) -> None:
        self.conn = None
        self.connectMscolab.setText("Connect")
        self.connectMscolab.clicked.connect(self.connect_handler)  # LEAK
