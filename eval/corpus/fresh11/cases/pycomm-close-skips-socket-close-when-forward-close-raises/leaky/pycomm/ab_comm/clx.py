from pycomm.cip.cip_base import Base, CommError


class Driver(Base):
    """Allen-Bradley ControlLogix driver: open() and close() come from Base."""

    def read_tag(self, tag):
        if not self._target_is_connected:
            if not self.forward_open():
                raise CommError("Target did not connected. read_tag will not be executed.")
        self._message = self.build_request(tag)
        self._send()
        return self._receive()
