import logging
from collections import defaultdict
from multiprocessing.pool import ThreadPool
from threading import RLock

from errbot.flow import FlowExecutor

log = logging.getLogger(__name__)


class ErrBot:
    def __init__(self, bot_config) -> None:
        self.bot_config = bot_config
        self.prefix = bot_config.BOT_PREFIX
        if bot_config.BOT_ASYNC:
            self.thread_pool = ThreadPool(bot_config.BOT_ASYNC_POOLSIZE)  # LEAK
            log.debug("created a thread pool of size %d.", bot_config.BOT_ASYNC_POOLSIZE)
        self.commands = {}
        self.cmd_history = defaultdict(list)
        self._gbl = RLock()
        self.flow_executor = FlowExecutor(self)

    def _process_command(self, msg, cmd: str, args: str) -> None:
        with self._gbl:
            f = self.commands[cmd]
        if f._err_command_admin_only and self.bot_config.BOT_ASYNC:
            # wait until the queue is depleted before load/unload/update commands
            self.thread_pool.close()
            self.thread_pool.join()
            self.thread_pool = ThreadPool(self.bot_config.BOT_ASYNC_POOLSIZE)  # LEAK
        if self.bot_config.BOT_ASYNC:
            self.thread_pool.apply_async(f, (msg, args))
        else:
            f(msg, args)

    def shutdown(self) -> None:
        self.close_storage()
        self.plugin_manager.shutdown()
        self.repo_manager.shutdown()
