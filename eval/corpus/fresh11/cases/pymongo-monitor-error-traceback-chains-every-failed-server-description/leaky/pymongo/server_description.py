class ServerDescription(object):
    """Immutable representation of one server."""

    __slots__ = ('_address', '_server_type', '_error', '_round_trip_time', '_topology_version')

    def __init__(self, address, ismaster=None, round_trip_time=None, error=None):
        self._address = address
        self._server_type = ismaster.server_type if ismaster is not None else "Unknown"
        self._round_trip_time = round_trip_time
        self._topology_version = getattr(ismaster, 'topology_version', None)
        self._error = error

    @property
    def address(self):
        return self._address

    @property
    def error(self):
        """Returns the last error attempting to connect to the server."""
        return self._error

    @property
    def is_server_type_known(self):
        return self._server_type != "Unknown"

    @property
    def topology_version(self):
        return self._topology_version
