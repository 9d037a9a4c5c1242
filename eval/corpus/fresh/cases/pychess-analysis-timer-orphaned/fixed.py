from __future__ import annotations

from threading import Timer


class CECPEngine:
    def __init__(self, engine_io, max_spin: float = 3.0) -> None:
        self.engine = engine_io
        self.max_spin = max_spin
        self.analyzing = False
        self.analysis_timer: Timer | None = None

    def _stop_timer(self) -> None:
        if self.analysis_timer is not None:
            self.analysis_timer.cancel()
            self.analysis_timer.join()
            self.analysis_timer = None

    def start_analyze(self) -> None:
        def stop_analyze() -> None:
            if self.analyzing:
                self.engine.write("exit\n")
                self.analyzing = False

        self.engine.write("analyze\n")
        self.analyzing = True
        self._stop_timer()
        self.analysis_timer = Timer(self.max_spin, stop_analyze)
        self.analysis_timer.start()

    def kill(self) -> None:
        self.analyzing = False
        try:
            self.engine.write("quit\n")
        finally:
            self._stop_timer()
