import os
import stat


NOT_DONE_YET = object()


class http_request:
    def __init__(self, channel, uri: str, command: str = "GET") -> None:
        self.channel = channel
        self.uri = uri
        self.command = command
        self.outgoing = []

    def push(self, thing) -> None:
        self.outgoing.append(thing)

    def error(self, code: int) -> None:
        self.channel.send_error(code)

    def done(self) -> None:
        self.channel.push_with_producer(self.outgoing)


class tail_f_producer:
    def __init__(self, request, filename: str, head: int) -> None:
        self.file = open(filename, "rb")
        self.request = request  # LEAK
        self.delay = 0.1
        sz = self.fsize()
        self.sz = sz - head if sz >= head else 0

    def more(self):
        try:
            newsz = self.fsize()
        except OSError:
            return ""
        bytes_added = newsz - self.sz
        if bytes_added < 0:
            self.sz = 0
            return "==> File truncated <==\n"
        if bytes_added > 0:
            self.file.seek(-bytes_added, 2)
            data = self.file.read(bytes_added)
            self.sz = newsz
            return data
        return NOT_DONE_YET

    def fsize(self) -> int:
        return os.fstat(self.file.fileno())[stat.ST_SIZE]


class logtail_handler:
    path = "/logtail"

    def __init__(self, supervisord) -> None:
        self.supervisord = supervisord

    def handle_request(self, request) -> None:
        if request.command != "GET":
            request.error(400)
            return
        process_name = request.uri[len(self.path):].strip("/")
        logfile = self.supervisord.logfile_for(process_name)
        if logfile is None or not os.path.exists(logfile):
            request.error(410)
            return
        request.push(tail_f_producer(request, logfile, 1024))
        request.done()
