from __future__ import annotations

import logging
from threading import Thread


class SkipMessage(Exception):
    pass


class WorkerThread(Thread):
    def __init__(self, broker, consumers: dict, work_queue) -> None:
        super().__init__(daemon=True)
        self.broker = broker
        self.consumers = consumers
        self.work_queue = work_queue
        self.logger = logging.getLogger("taskq.worker")

    def run(self) -> None:
        while True:
            message = self.work_queue.get()
            self.process_message(message)

    def process_message(self, message) -> None:
        actor = None
        try:
            self.broker.emit_before("process_message", message)
            res = None
            if not message.failed:
                actor = self.broker.get_actor(message.actor_name)
                res = actor(*message.args, **message.kwargs)
            self.broker.emit_after("process_message", message, result=res)
        except SkipMessage:
            self.logger.warning("message %s was skipped", message)
            self.broker.emit_after("skip_message", message)
        except BaseException as e:
            # kept on the proxy for the stub broker and the results middleware
            message.stuff_exception(e)
            self.logger.error("failed to process message %s", message, exc_info=True)
            self.broker.emit_after("process_message", message, exception=e)
        finally:
            self.consumers[message.queue_name].post_process_message(message)
            self.work_queue.task_done()

            # a kept exception holds this frame and the message through its
            # traceback, and the cycle collector may not run for a while
            message.clear_exception()
