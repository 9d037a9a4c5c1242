from __future__ import annotations

import json
import threading
import uuid
from logging import getLogger
from typing import Callable, List, Optional

import paho.mqtt.client as mqtt

_LOGGER = getLogger(__name__)

AWS_MQTT_BROKERS = {"us": "iot.us.blueair.io", "eu": "iot.eu.blueair.io"}


class MqttAwsBlueair:
    """MQTT client for real-time Blueair device updates via AWS IoT."""

    def __init__(self, region: str, user_id: str) -> None:
        self._region = region
        self._user_id = user_id
        self._device_ids: List[str] = []
        self._client_id = str(uuid.uuid4())
        self.on_sensor_data: Optional[Callable[[str, dict], None]] = None
        self._client: Optional[mqtt.Client] = None
        self._connected = False
        self._thread: Optional[threading.Thread] = None

    def connect(self) -> None:
        """Connect to the broker and run the network loop in a background thread."""
        broker = AWS_MQTT_BROKERS[self._region]
        client = mqtt.Client(callback_api_version=mqtt.CallbackAPIVersion.VERSION2,
                             client_id=self._client_id, transport="websockets")
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_disconnect = self._on_disconnect
        self._client = client
        client.connect(broker, 443, keepalive=60)
        # run the network loop in a daemon thread so it doesn't block
        self._thread = threading.Thread(target=client.loop_forever, daemon=True)  # LEAK
        self._thread.start()  # LEAK

    def disconnect(self) -> None:
        """Disconnect from the MQTT broker."""
        _LOGGER.info("Disconnecting from MQTT broker")
        if self._client is not None:
            self._client.disconnect()
            self._connected = False
            self._client = None

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code == 0:
            self._connected = True
            client.subscribe(f"c/{self._user_id}/s/event")
            for device_uuid in self._device_ids:
                client.subscribe(f"d/{device_uuid}/s/5s")

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        self._connected = False

    def _on_message(self, client, userdata, msg) -> None:
        try:
            payload = json.loads(msg.payload.decode())
        except (json.JSONDecodeError, UnicodeDecodeError):
            return
        if self.on_sensor_data is not None:
            self.on_sensor_data(msg.topic, payload)
