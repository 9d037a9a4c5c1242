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
        # bound methods: Qt tracks their receiver and drops the connection with the panel
        self.start_button.clicked.connect(self.start_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self.exposure.valueChanged.connect(self.exposure_changed)
        self.binning.currentIndexChanged.connect(self.rebin)

    def start_clicked(self) -> None:
        self.set_acquiring(True)

    def stop_clicked(self) -> None:
        self.set_acquiring(False)

    def exposure_changed(self, value: float) -> None:
        self.device.set_param("exposure", value)

    def set_acquiring(self, running: bool) -> None:
        if running:
            self.device.start()
        else:
            self.device.stop()

    def rebin(self, index: int) -> None:
        self.device.set_param("binning", index + 1)
