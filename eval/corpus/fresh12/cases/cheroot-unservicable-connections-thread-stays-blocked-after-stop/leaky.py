import logging
import queue
import threading
import time

_STOPPING_FOR_INTERRUPT = Exception()  # sentinel used during shutdown


class QueueShutDown(Exception):
    """Queue has been shut down."""


class QueueWithShutdown(queue.Queue):
    """Add shutdown() similar to Python 3.13+ Queue."""

    _queue_shut_down = False

    def shutdown(self, immediate: bool = False) -> None:
        if immediate:
            while True:
                try:
                    self.get_nowait()
                except queue.Empty:
                    break
        self._queue_shut_down = True

    def get(self, *args, **kwargs):
        if self._queue_shut_down:
            raise QueueShutDown
        return super().get(*args, **kwargs)


class HTTPServer:
    def __init__(self, bind_addr, gateway, max_queued: int = 5) -> None:
        self.bind_addr = bind_addr
        self.gateway = gateway
        self.ready = False
        self.requests: "queue.Queue" = queue.Queue(maxsize=max_queued)
        self._start_time = None
        self._run_time = 0.0
        self._unservicable_conns = QueueWithShutdown()

    def error_log(self, msg: str, level: int = logging.INFO) -> None:
        logging.getLogger("cheroot").log(level, msg)

    def _serve_unservicable(self) -> None:
        """Serve connections we can't handle a 503."""
        while self.ready:
            try:
                conn = self._unservicable_conns.get()
            except QueueShutDown:
                return
            try:
                conn.send(b"HTTP/1.1 503 Service Unavailable\r\n\r\n")
            except OSError:
                continue
            conn.close()

    def serve(self) -> None:
        self.ready = True
        self._start_time = time.time()
        threading.Thread(target=self._serve_unservicable).start()  # LEAK

    def process_conn(self, conn) -> None:
        try:
            self.requests.put_nowait(conn)
        except queue.Full:
            self._unservicable_conns.put(conn)

    def stop(self) -> None:
        if not self.ready:
            return
        self.ready = False
        # This tells the thread that handles unservicable connections to shut down:
        self._unservicable_conns.shutdown(immediate=True)
        if self._start_time is not None:
            self._run_time += time.time() - self._start_time
        self._start_time = None
