import logging

# Logging configuration
log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

from netmiko.base_connection import BaseConnection  # noqa: E402
