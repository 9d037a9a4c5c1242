from __future__ import annotations

import logging
from typing import List

from qtpy.QtWidgets import QMainWindow

from mne_qt_browser.load_thread import LoadThread, _disconnect

logger = logging.getLogger(__name__)

_browser_instances: List["PyQtGraphBrowser"] = []


class PyQtGraphBrowser(QMainWindow):
    """The 2D data browser window; MNE opens and closes many of these."""

    def __init__(self, mne_params) -> None:
        super().__init__()
        self.mne = mne_params
        _browser_instances.append(self)

        self.mne.plt.sigXRangeChanged.connect(self._xrange_changed)
        self.mne.plt.sigYRangeChanged.connect(self._yrange_changed)

        self.load_thread = LoadThread(self)

    def _xrange_changed(self, _, xrange) -> None:
        self.mne.t_start = xrange[0]

    def _yrange_changed(self, _, yrange) -> None:
        self.mne.ch_start = int(yrange[0])

    def _show_process(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _precompute_finished(self) -> None:
        self.mne.data_precomputed = True

    def closeEvent(self, event) -> None:
        event.accept()
        if hasattr(self, "mne"):
            # Explicit disconnects: these cycles run through Qt and the
            # cyclic collector cannot resolve them.
            if hasattr(self.mne, "plt"):
                _disconnect(self.mne.plt.sigXRangeChanged)
                _disconnect(self.mne.plt.sigYRangeChanged)
            for attr in ("traces", "event_lines", "regions"):
                getattr(self.mne, attr, []).clear()
        if getattr(self, "load_thread", None) is not None:
            self.load_thread.clean()
            self.load_thread = None

        if self in _browser_instances:
            _browser_instances.remove(self)
        self.deleteLater()
