from __future__ import annotations

import threading

model_cleanup_timer = None


def unload_model() -> None:
    pass


def schedule_model_cleanup(delay: float = 300.0) -> None:
    global model_cleanup_timer
    if model_cleanup_timer is not None:
        model_cleanup_timer.cancel()
    model_cleanup_timer = threading.Timer(delay, unload_model)  # LEAK
    model_cleanup_timer.start()  # LEAK
