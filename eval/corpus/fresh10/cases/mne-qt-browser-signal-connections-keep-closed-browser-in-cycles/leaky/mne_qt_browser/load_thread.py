from __future__ import annotations

from qtpy.QtCore import QThread, Signal


class LoadThread(QThread):
    """Loads and preprocesses the data in the background."""

    loadProgress = Signal(int)
    processText = Signal(str)
    loadingFinished = Signal()

    def __init__(self, browser) -> None:
        super().__init__()
        self.browser = browser  # LEAK
        self.mne = browser.mne

    def run(self) -> None:
        n_chunks = max(1, self.mne.n_chunks)
        for index in range(n_chunks):
            self.processText.emit(f"Loading chunk {index + 1}/{n_chunks}")
            self.mne.data_chunks.append(self.mne.load_chunk(index))
            self.loadProgress.emit(index + 1)
        self.loadingFinished.emit()
