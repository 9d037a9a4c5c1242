import json
import logging
import time
import threading

import requests

log = logging.getLogger(__name__)

LOGOUT = "https://discordapp.com/api/auth/logout"


class KeepAliveHandler(threading.Thread):
    def __init__(self, seconds, socket, **kwargs):
        threading.Thread.__init__(self, **kwargs)
        self.seconds = seconds
        self.socket = socket
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(self.seconds):
            payload = {
                'op': 1,
                'd': int(time.time())
            }
            log.debug('Keeping websocket alive with timestamp {0}'.format(payload['d']))
            self.socket.send(json.dumps(payload))


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
            self.keep_alive = KeepAliveHandler(interval, self.ws)
            self.keep_alive.start()
            self._is_logged_in = True

    def logout(self):
        response = requests.post(LOGOUT)
        self.ws.close()
        self._is_logged_in = False
        self.keep_alive.stop.set()
        log.debug('logout: {0}'.format(response.status_code))
