import logging

from .client import CrmClient

log = logging.getLogger(__name__)


def run(config, sync):
    client = None
    try:
        client = CrmClient(config["refresh_token"], config["client_id"], config["client_secret"])
        client.login()
        sync(client)
    finally:
        if client:
            log.debug("used %d REST requests", client.requests_made)
            if client.login_timer:
                client.login_timer.cancel()
