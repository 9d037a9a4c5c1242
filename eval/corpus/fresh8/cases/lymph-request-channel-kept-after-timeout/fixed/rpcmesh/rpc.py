from __future__ import annotations

import logging
import uuid

from .channels import RequestChannel

logger = logging.getLogger(__name__)


class Message:
    def __init__(self, msg_type: str, subject: str, body, source: str) -> None:
        self.id = uuid.uuid4().hex
        self.type = msg_type
        self.subject = subject
        self.body = body
        self.source = source


class RpcServer:
    def __init__(self, endpoint: str, transport) -> None:
        self.endpoint = endpoint
        self.transport = transport
        self.channels: dict = {}

    def send_request(self, address: str, subject: str, body) -> RequestChannel:
        msg = Message("REQ", subject, body, self.endpoint)
        channel = RequestChannel(msg, self)
        self.channels[msg.id] = channel
        self.transport.send(address, msg)
        return channel

    def recv_reply(self, msg) -> None:
        try:
            channel = self.channels[msg.subject]
        except KeyError:
            logger.debug("reply to unknown request %s", msg.subject)
            return
        channel.recv(msg)
