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
        # swap the handler: the old connection goes before the new one is made
        self.connectMscolab.clicked.disconnect(self.connect_handler)
        self.connectMscolab.clicked.connect(self.disconnect_handler)

    def disconnect_handler(self) -> None:
        self.conn = None
        self.connectMscolab.setText("Connect")
        self.connectMscolab.clicked.disconnect(self.disconnect_handler)
        self.connectMscolab.clicked.connect(self.connect_handler)
