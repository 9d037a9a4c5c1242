from abc import abstractmethod


class SubscriptionManager(object):
    def __init__(self, pubnub_instance):
        self._pubnub = pubnub_instance
        self._should_stop = False
        self._heartbeat_call = None
        self._heartbeat_loop = None
        self._subscribe_request_task = None

    @abstractmethod
    def reconnect(self):
        pass

    @abstractmethod
    def _stop_subscribe_loop(self):
        pass

    @abstractmethod
    def _stop_heartbeat_timer(self):
        pass

    def stop(self):
        self._should_stop = True
        self._stop_subscribe_loop()
        self._stop_heartbeat_timer()

    def _register_heartbeat_timer(self):
        self._stop_heartbeat_timer()
