from twisted.internet.task import LoopingCall

from pubnub.endpoints.presence.heartbeat import Heartbeat
from pubnub.managers import SubscriptionManager


class TwistedSubscriptionManager(SubscriptionManager):
    def __init__(self, pubnub_instance):
        super(TwistedSubscriptionManager, self).__init__(pubnub_instance)

    def _stop_subscribe_loop(self):
        if self._subscribe_request_task is not None and not self._subscribe_request_task.called:
            self._subscribe_request_task.cancel()

    def _stop_heartbeat_timer(self):
        if self._heartbeat_call is not None:
            self._heartbeat_call.cancel()

        if self._heartbeat_loop is not None:
            self._heartbeat_loop.stop()

    def _register_heartbeat_timer(self):
        super(TwistedSubscriptionManager, self)._register_heartbeat_timer()
        self._heartbeat_loop = LoopingCall(self._perform_heartbeat_loop)
        interval = self._pubnub.config.heartbeat_interval / 2 - 1
        self._heartbeat_loop.start(interval, True)

    def _perform_heartbeat_loop(self):
        if self._heartbeat_call is not None:
            self._heartbeat_call.cancel()

        self._heartbeat_call = Heartbeat(self._pubnub) \
            .channels(self._pubnub.channels) \
            .pn_async(lambda _, status: None)

    def reconnect(self):
        self._register_heartbeat_timer()
