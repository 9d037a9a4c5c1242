from __future__ import annotations

import logging
from typing import List

from qtpy.QtWidgets import QMainWindow

from mne_qt_browser.load_thread import LoadThread

logger = logging.getLogger(__name__)

_browser_instances: List["PyQtGraphBrowser"] = []


class PyQtGraphBrowser(QMainWindow):
    """The 2D data browser window; MNE opens and closes many of these."""

    def __init__(self, mne_params) -> None:
        super().__init__()
        self.mne = mne_params
        _browser_instances.append(self)

        self.mne.plt.sigXRangeChanged.connect(self._xrange_changed)  # LEAK
        self.mne.plt.sigYRangeChanged.connect(self._yrange_changed)  # LEAK

        self.load_thread = LoadThread(self)
        self.load_thread.loadProgress.connect(self.mne.load_progressbar.setValue)
        self.load_thread.processText.connect(self._show_process)  # LEAK
        self.load_thread.loadingFinished.connect(self._precompute_finished)  # LEAK

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
        if self.load_thread is not None and self.load_thread.isRunning():
            wait_time = 10  # seconds
            logger.info("Waiting for Loading-Thread to finish... (max. %s sec)", wait_time)
            self.load_thread.wait(int(wait_time * 1e3))

        if self in _browser_instances:
            _browser_instances.remove(self)
        self.deleteLater()
