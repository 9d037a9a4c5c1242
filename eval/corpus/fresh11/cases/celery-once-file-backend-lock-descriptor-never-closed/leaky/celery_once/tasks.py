from celery import Task, states
from celery.result import EagerResult

from .helpers import queue_once_key, import_backend


class AlreadyQueued(Exception):
    def __init__(self, countdown):
        self.message = "Expires in {} seconds".format(countdown)
        self.countdown = countdown


class QueueOnce(Task):
    abstract = True
    once = {'graceful': False, 'unlock_before_run': False}

    @property
    def once_config(self):
        return self.config.ONCE

    @property
    def once_backend(self):
        return import_backend(self.once_config)

    @property
    def default_timeout(self):
        return self.once_config['settings'].get('default_timeout', 60 * 60)

    def get_key(self, args=None, kwargs=None):
        return queue_once_key(self.name, kwargs or {}, self.once.get('keys'))

    def apply_async(self, args=None, kwargs=None, **options):
        once_options = options.get('once', {})
        once_graceful = once_options.get('graceful', self.once.get('graceful', False))
        once_timeout = once_options.get('timeout', self.once.get('timeout', self.default_timeout))

        if not options.get('retries'):
            key = self.get_key(args, kwargs)
            try:
                self.once_backend.raise_or_lock(key, timeout=once_timeout)
            except AlreadyQueued as e:
                if once_graceful:
                    return EagerResult(None, None, states.REJECTED)
                raise e
        return super(QueueOnce, self).apply_async(args, kwargs, **options)
