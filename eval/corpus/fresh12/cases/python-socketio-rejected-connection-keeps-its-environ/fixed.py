class Packet:
    CONNECT, DISCONNECT, EVENT, ERROR = 0, 1, 2, 4

    def __init__(self, packet_type, namespace=None, data=None):
        self.packet_type = packet_type
        self.namespace = namespace
        self.data = data


class Server(object):
    def __init__(self, manager, eio):
        self.manager = manager
        self.eio = eio
        self.environ = {}
        self.handlers = {}

    def _send_packet(self, sid, pkt):
        self.eio.send(sid, pkt)

    def _trigger_event(self, event, namespace, *args):
        handler = self.handlers.get(namespace, {}).get(event)
        if handler is not None:
            return handler(*args)

    def _handle_eio_connect(self, sid, environ):
        self.environ[sid] = environ
        return self._handle_connect(sid, "/")

    def _handle_eio_disconnect(self, sid):
        for namespace in self.manager.get_namespaces():
            self._trigger_event("disconnect", namespace, sid)
            self.manager.disconnect(sid, namespace)
        if sid in self.environ:
            del self.environ[sid]

    def _handle_connect(self, sid, namespace):
        namespace = namespace or "/"
        self.manager.connect(sid, namespace)
        if self._trigger_event("connect", namespace, sid, self.environ[sid]) is False:
            self.manager.disconnect(sid, namespace)
            self._send_packet(sid, Packet(Packet.ERROR, namespace=namespace))
            if sid in self.environ:
                del self.environ[sid]
            return False
        self._send_packet(sid, Packet(Packet.CONNECT, namespace=namespace))
        return True
