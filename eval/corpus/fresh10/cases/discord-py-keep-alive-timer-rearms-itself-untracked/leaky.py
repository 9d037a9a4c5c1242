import json
import logging
import time
from threading import Timer

import requests

log = logging.getLogger(__name__)

LOGOUT = "https://discordapp.com/api/auth/logout"


def _keep_alive_handler(seconds, ws):
    def wrapper():
        _keep_alive_handler(seconds, ws)  # LEAK
        payload = {
            'op': 1,
            'd': int(time.time())
        }
        log.debug('Keeping websocket alive with timestamp {0}'.format(payload['d']))
        ws.send(json.dumps(payload))

    t = Timer(seconds, wrapper)  # LEAK
    t.start()
    return t


class Client(object):
    def __init__(self, ws_factory):
        self.ws = ws_factory()
        self.keep_alive = None
        self._is_logged_in = False

    def received_message(self, msg):
        data = json.loads(str(msg))
        if data.get('t') == 'READY':
            # set the keep alive interval
            interval = data['d'].get('heartbeat_interval') / 1000.0
            self.keep_alive = _keep_alive_handler(interval, self.ws)
            self._is_logged_in = True

    def logout(self):
        response = requests.post(LOGOUT)
        self.ws.close()
        self._is_logged_in = False
        self.keep_alive.cancel()
        log.debug('logout: {0}'.format(response.status_code))
