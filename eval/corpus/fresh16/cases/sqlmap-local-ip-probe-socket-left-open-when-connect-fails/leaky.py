import logging
import socket
from typing import Any, Optional

log = logging.getLogger(__name__)


def local_address(options: Any) -> Optional[str]:
    found = None
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # LEAK
        probe.connect((options.hostname, options.port))
        found, _ = probe.getsockname()
        probe.close()
    except Exception:
        log.debug("could not open a probe connection toward '%s'", options.hostname)
    return found
