import logging
import threading

from queue import Queue

import requests

log = logging.getLogger(__name__)


class EventQueue(Queue):
    pass


def handle_notification(sid: str, event) -> None:
    with _event_queues_lock:
        try:
            _event_queues[sid].put(event)
        except KeyError:
            pass


class Subscription(object):
    def __init__(self, service) -> None:
        self.service = service
        self.sid = None
        self.is_subscribed = False
        self.events = EventQueue()

    def subscribe(self, callback_url: str) -> None:
        response = requests.request("SUBSCRIBE", self.service.base_url + self.service.event_subscription_url,
                                    headers={"Callback": "<{0}>".format(callback_url), "NT": "upnp:event"})
        response.raise_for_status()
        self.sid = response.headers["sid"]
        self.is_subscribed = True
        with _event_queues_lock:
            _event_queues[self.sid] = self.events  # LEAK

    def unsubscribe(self) -> None:
        if not self.is_subscribed:
            return
        response = requests.request("UNSUBSCRIBE", self.service.base_url + self.service.event_subscription_url,
                                    headers={"SID": self.sid})
        response.raise_for_status()
        self.is_subscribed = False
        with _event_queues_lock:
            del _event_queues[self.sid]


_event_queues = {}
_event_queues_lock = threading.Lock()
