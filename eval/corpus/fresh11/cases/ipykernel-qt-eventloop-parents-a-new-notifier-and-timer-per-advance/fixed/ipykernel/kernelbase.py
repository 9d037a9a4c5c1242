from functools import partial

from tornado import ioloop


class Kernel:
    eventloop = None

    def __init__(self, shell_stream, msg_queue, log):
        self.shell_stream = shell_stream
        self.msg_queue = msg_queue
        self.log = log
        self.io_loop = ioloop.IOLoop.current()

    def enter_eventloop(self):
        """enter eventloop"""
        eventloop = self.eventloop
        if eventloop is None:
            return

        def advance_eventloop():
            # check if eventloop changed:
            if self.eventloop is not eventloop:
                return
            if self.msg_queue.qsize():
                # still messages to process, make the eventloop wait
                schedule_next()
                return
            try:
                eventloop(self)
            except KeyboardInterrupt:
                self.log.error("KeyboardInterrupt caught in kernel")
            if self.eventloop is eventloop:
                # schedule advance again
                schedule_next()

        def schedule_next():
            self.io_loop.call_later(0.001, partial(self.msg_queue.put_nowait, (0, 0, advance_eventloop)))

        schedule_next()
