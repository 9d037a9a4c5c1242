from __future__ import annotations

import logging
from typing import Any

import paho.mqtt.client as paho_mqtt

logger = logging.getLogger(__name__)


class MQTT:
    def __init__(self, options: dict[str, Any], is_subscriber: bool) -> None:
        self.o = options
        self.is_subscriber = is_subscriber
        self.client: paho_mqtt.Client | None = None
        self.connected = False

    def _client_setup(self, cid: str) -> paho_mqtt.Client:
        client = paho_mqtt.Client(client_id=cid, clean_session=False)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.username_pw_set(self.o.get("user"), self.o.get("password"))
        return client

    def _on_connect(self, client: paho_mqtt.Client, userdata: Any, flags: Any, rc: int) -> None:
        self.connected = rc == 0

    def _on_disconnect(self, client: paho_mqtt.Client, userdata: Any, rc: int) -> None:
        self.connected = False

    def _stop_old_client(self) -> None:
        if self.client is None:
            return
        try:
            self.client.loop_stop()
            self.client.disconnect()
        except Exception as ex:
            logger.debug("old client already unusable: %s", ex)

    def getSetup(self) -> None:
        self._stop_old_client()
        self.client = self._client_setup(self.o["queueName"])
        self.client.connect_async(self.o["host"], self.o.get("port", 1883))
        self.client.loop_start()

    def putSetup(self) -> None:
        self._stop_old_client()
        self.client = self._client_setup(self.o["clientId"] + "_pub")
        self.client.connect_async(self.o["host"], self.o.get("port", 1883))
        self.client.loop_start()

    def close(self) -> None:
        if self.connected and self.client is not None:
            self.client.disconnect()
            self.client.loop_stop()
        self.connected = False
