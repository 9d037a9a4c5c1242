import datetime
import json
import uuid
from typing import IO, Any


class MediaJSONEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if hasattr(o, "tolist"):
            return o.tolist()
        if isinstance(o, (datetime.date, datetime.datetime)):
            return o.isoformat()
        if isinstance(o, set):
            return sorted(o)
        return json.JSONEncoder.default(self, o)


def generate_id() -> str:
    return uuid.uuid4().hex[:8]


def json_dump_safer(obj: Any, fp: IO[str], **kwargs: Any) -> None:
    """Write obj as JSON into fp, encoding a few extra types."""
    json.dump(obj, fp, cls=MediaJSONEncoder, **kwargs)
