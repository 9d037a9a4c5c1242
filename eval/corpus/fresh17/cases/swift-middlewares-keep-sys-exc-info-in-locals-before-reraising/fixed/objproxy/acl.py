import logging
import xml.etree.ElementTree as ET
from typing import Any, Dict, Optional


class MalformedACLError(Exception):
    pass


class AclHandler:
    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger

    def get_acl(self, headers: Dict[str, str], body: Optional[bytes]) -> Dict[str, Any]:
        grant = headers.get("x-amz-acl")
        if grant is not None:
            return {"grant": grant}
        if not body:
            raise MalformedACLError("missing x-amz-acl")
        try:
            elem = ET.fromstring(body)
            return {"grant": elem.findtext("Grant", default="private")}
        except ET.ParseError:
            raise MalformedACLError("malformed ACL body")
        except Exception as e:
            self.logger.error(e)
            raise
