from __future__ import annotations

import uuid
from typing import Any, Dict


class Transport:
    def __init__(self) -> None:
        self._writers: Dict[uuid.UUID, Any] = {}

    async def serve(self, connection, make_writer) -> None:
        session_id = uuid.uuid4()
        writer = make_writer()
        self._writers[session_id] = writer
        try:
            await connection.run(session_id)
        finally:
            await writer.aclose()
            self._writers.pop(session_id, None)
