from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def handle(request_id: str, payload: dict) -> None:
    logger.info("request %s: %d keys", request_id, len(payload))
