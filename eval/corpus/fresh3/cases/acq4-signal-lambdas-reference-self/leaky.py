from __future__ import annotations

from PyQt5 import QtWidgets


class CameraControlPanel(QtWidgets.QWidget):
    def __init__(self, device, parent=None) -> None:
        super().__init__(parent)
        self.device = device
        self.frame_buffer = bytearray(16 * 1024 * 1024)
        self.start_button = QtWidgets.QPushButton("Start", self)
        self.stop_button = QtWidgets.QPushButton("Stop", self)
        self.exposure = QtWidgets.QDoubleSpinBox(self)
        self.binning = QtWidgets.QComboBox(self)
        self.start_button.clicked.connect(lambda: self.set_acquiring(True))  # LEAK
        self.stop_button.clicked.connect(lambda: self.set_acquiring(False))  # LEAK
        self.exposure.valueChanged.connect(lambda value: self.device.set_param("exposure", value))  # LEAK
        self.binning.currentIndexChanged.connect(lambda index: self.rebin(index))  # LEAK

    def set_acquiring(self, running: bool) -> None:
        if running:
            self.device.start()
        else:
            self.device.stop()

    def rebin(self, index: int) -> None:
        self.device.set_param("binning", index + 1)
