import logging
import socket

logger = logging.getLogger(__name__)


class CommError(Exception):
    pass


class Socket:
    def __init__(self, timeout=5.0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)

    def connect(self, host, port):
        try:
            self.sock.connect((host, port))
        except socket.timeout:
            raise CommError("Socket timeout during connection.")

    def send(self, msg):
        total_sent = 0
        while total_sent < len(msg):
            try:
                sent = self.sock.send(msg[total_sent:])
                if sent == 0:
                    raise CommError("socket connection broken.")
                total_sent += sent
            except socket.error:
                raise CommError("socket connection broken.")
        return total_sent

    def close(self):
        self.sock.close()


class Base(object):
    def __init__(self):
        self.__sock = None
        self._session = 0
        self._connection_opened = False
        self._target_is_connected = False
        self._message = b""
        self.attribs = {"port": 0xAF12}

    def _send(self):
        try:
            self.__sock.send(self._message)
        except Exception as e:
            raise CommError(e)

    def forward_close(self):
        if self._session == 0:
            raise CommError("A session need to be registered before to call forward_close.")
        self._message = b"forward-close"
        self._send()
        self._target_is_connected = False

    def un_register_session(self):
        self._message = b"unregister"
        self._send()
        self._session = None

    def open(self, ip_address):
        if not self._connection_opened:
            try:
                if self.__sock is None:
                    self.__sock = Socket()
                self.__sock.connect(ip_address, self.attribs['port'])
                self._connection_opened = True
                self.forward_close()
                return True
            except Exception as e:
                raise CommError(e)

    def close(self):
        error_string = ''
        try:
            if self._target_is_connected:
                self.forward_close()
            if self._session != 0:
                self.un_register_session()
        except Exception as e:
            error_string += "Error on close() -> session Err: %s" % e
            logger.warning(error_string)

        # the socket is closed whatever the session clean-up did
        try:
            if self.__sock:
                self.__sock.close()
        except Exception as e:
            error_string += "; close() -> __sock.close Err: %s" % e
            logger.warning(error_string)

        self.clean_up()

        if error_string:
            raise CommError(error_string)

    def clean_up(self):
        self.__sock = None
        self._target_is_connected = False
        self._session = 0
        self._connection_opened = False
