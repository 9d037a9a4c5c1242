import pickle
import struct


class PipeTunnel(object):
    def __init__(self, host):
        self.host = host
        self.wpipe = None
        self.rpipe = None
        self.epipe = None
        self.connect_pipes()

    def connect_pipes(self):
        raise NotImplementedError

    def call(self, func, *args):
        payload = pickle.dumps((func, args))
        self.wpipe.write(struct.pack("!I", len(payload)) + payload)
        size = struct.unpack("!I", self.rpipe.read(4))[0]
        return pickle.loads(self.rpipe.read(size))

    def _warn(self, message):
        print("[%s] %s" % (self.host, message))
