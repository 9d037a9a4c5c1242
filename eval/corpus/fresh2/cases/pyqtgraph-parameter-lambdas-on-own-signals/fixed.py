from __future__ import annotations

from typing import Any

from PyQt5 import QtCore


class Parameter(QtCore.QObject):
    sigValueChanged = QtCore.pyqtSignal(object, object)
    sigChildAdded = QtCore.pyqtSignal(object, object, object)
    sigNameChanged = QtCore.pyqtSignal(object, object)
    sigOptionsChanged = QtCore.pyqtSignal(object, object)
    sigStateChanged = QtCore.pyqtSignal(object, object, object)

    def __init__(self, **opts: Any) -> None:
        super().__init__()
        self.opts = dict(opts)
        self.childs: list[Parameter] = []
        # bound methods of a QObject: Qt drops the connection with the object
        self.sigValueChanged.connect(self._emitValueChanged)
        self.sigChildAdded.connect(self._emitChildAddedChanged)
        self.sigNameChanged.connect(self._emitNameChanged)
        self.sigOptionsChanged.connect(self._emitOptionsChanged)

    def _emitValueChanged(self, param: "Parameter", data: Any) -> None:
        self.emitStateChanged("value", data)

    def _emitChildAddedChanged(self, param: "Parameter", *data: Any) -> None:
        self.emitStateChanged("childAdded", data)

    def _emitNameChanged(self, param: "Parameter", data: Any) -> None:
        self.emitStateChanged("name", data)

    def _emitOptionsChanged(self, param: "Parameter", data: Any) -> None:
        self.emitStateChanged("options", data)

    def emitStateChanged(self, change_desc: str, data: Any) -> None:
        self.sigStateChanged.emit(self, change_desc, data)

    def setValue(self, value: Any) -> None:
        self.opts["value"] = value
        self.sigValueChanged.emit(self, value)

    def addChild(self, child: "Parameter") -> None:
        self.childs.append(child)
        self.sigChildAdded.emit(self, child, len(self.childs) - 1)
