import json
from datetime import datetime, timezone
from typing import Any
from uuid import UUID


class JSONSerializer(json.JSONEncoder):
    """Serialize UUIDs and datetimes as strings."""

    def default(self, o: Any) -> Any:
        if isinstance(o, UUID):
            return str(o)
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


def dt_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
