from __future__ import annotations

import logging

from qtpy.QtCore import QThread, Signal

logger = logging.getLogger(__name__)


def _disconnect(signal) -> None:
    try:
        signal.disconnect()
    except TypeError:  # nothing connected
        pass


class LoadThread(QThread):
    """Loads and preprocesses the data in the background."""

    loadProgress = Signal(int)
    processText = Signal(str)
    loadingFinished = Signal()

    def __init__(self, browser) -> None:
        super().__init__()
        self.browser = browser
        self.mne = browser.mne
        self.loadProgress.connect(self.mne.load_progressbar.setValue)
        self.processText.connect(self.browser._show_process)
        self.loadingFinished.connect(self.browser._precompute_finished)

    def run(self) -> None:
        n_chunks = max(1, self.mne.n_chunks)
        for index in range(n_chunks):
            self.processText.emit(f"Loading chunk {index + 1}/{n_chunks}")
            self.mne.data_chunks.append(self.mne.load_chunk(index))
            self.loadProgress.emit(index + 1)
        self.loadingFinished.emit()

    def clean(self) -> None:
        if self.isRunning():
            wait_time = 10  # seconds
            logger.info("Waiting for Loading-Thread to finish... (max. %s sec)", wait_time)
            self.wait(int(wait_time * 1e3))
        _disconnect(self.loadProgress)
        _disconnect(self.processText)
        _disconnect(self.loadingFinished)
        del self.mne
        del self.browser
