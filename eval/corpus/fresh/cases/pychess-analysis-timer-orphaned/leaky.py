from __future__ import annotations

from threading import Timer


class CECPEngine:
    def __init__(self, engine_io, max_spin: float = 3.0) -> None:
        self.engine = engine_io
        self.max_spin = max_spin
        self.analyzing = False

    def start_analyze(self) -> None:
        def stop_analyze() -> None:
            if self.analyzing:
                self.engine.write("exit\n")
                self.analyzing = False

        self.engine.write("analyze\n")
        self.analyzing = True
        t = Timer(self.max_spin, stop_analyze)  # LEAK
        t.start()  # LEAK

    def kill(self) -> None:
        self.analyzing = False
        self.engine.write("quit\n")
