from __future__ import annotations

import asyncio
import itertools

_request_ids = itertools.count()


class ControlPacket:
    @staticmethod
    def get_instances(service: str, version: str) -> dict:
        return {"type": "get_instances", "request_id": next(_request_ids),
                "params": {"service": service, "version": version}}

    @staticmethod
    def get_subscribers(service: str, version: str, endpoint: str) -> dict:
        return {"type": "get_subscribers", "request_id": next(_request_ids),
                "params": {"service": service, "version": version, "endpoint": endpoint}}


class RegistryClient:
    def __init__(self, protocol) -> None:
        self._protocol = protocol
        self._pending_requests = {}  # LEAK

    def get_instances(self, service: str, version: str) -> asyncio.Future:
        packet = ControlPacket.get_instances(service, version)
        future = asyncio.get_event_loop().create_future()
        self._protocol.send(packet)
        self._pending_requests[packet["request_id"]] = future  # LEAK
        return future

    def get_subscribers(self, service: str, version: str, endpoint: str) -> asyncio.Future:
        packet = ControlPacket.get_subscribers(service, version, endpoint)
        future = asyncio.get_event_loop().create_future()
        self._protocol.send(packet)
        self._pending_requests[packet["request_id"]] = future  # LEAK
        return future

    def receive(self, packet: dict) -> None:
        if packet["type"] == "subscribers":
            self._handle_subscriber_packet(packet)
        elif packet["type"] == "instances":
            self._handle_get_instances(packet)

    def _handle_subscriber_packet(self, packet: dict) -> None:
        future = self._pending_requests[packet["request_id"]]
        future.set_result(packet["params"]["subscribers"])

    def _handle_get_instances(self, packet: dict) -> None:
        future = self._pending_requests[packet["request_id"]]
        future.set_result(packet["params"]["instances"])
