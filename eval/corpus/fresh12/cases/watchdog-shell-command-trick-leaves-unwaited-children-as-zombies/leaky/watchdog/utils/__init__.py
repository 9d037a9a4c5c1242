import threading


class BaseThread(threading.Thread):
    def __init__(self) -> None:
        super().__init__()
        self.daemon = True
        self.stopped_event = threading.Event()

    def stop(self) -> None:
        self.stopped_event.set()
