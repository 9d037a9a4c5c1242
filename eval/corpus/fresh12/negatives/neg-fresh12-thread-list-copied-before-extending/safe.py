class App:
    def __init__(self) -> None:
        self.threads = []
        self.thread_managers = []

    def all_threads(self):
        threads = list(self.threads)
        threads.extend(m.thread for m in self.thread_managers if m.thread is not None)
        return threads

    def dead_threads(self):
        return [t for t in self.all_threads() if not t.is_alive()]
