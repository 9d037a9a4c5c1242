from time import monotonic as _time

from pymongo.errors import NotMasterError, OperationFailure, _OperationCancelled
from pymongo.server_description import ServerDescription


class Monitor(object):
    def __init__(self, server_description, topology, pool, listeners=None):
        self._server_description = server_description
        self._topology = topology
        self._pool = pool
        self._listeners = listeners
        self._publish = listeners is not None

    def _reset_connection(self):
        self._pool.reset()

    def _run(self):
        try:
            prev_sd = self._server_description
            try:
                self._server_description = self._check_server()
            except _OperationCancelled as exc:
                # Already closed the connection, wait for the next check.
                self._server_description = ServerDescription(
                    self._server_description.address, error=exc)
                if prev_sd.is_server_type_known:
                    self._executor.skip_sleep()
                return

            # Update the Topology and clear the server pool on error.
            self._topology.on_change(self._server_description, reset_pool=self._server_description.error)
        except ReferenceError:
            # Topology was garbage-collected.
            self.close()

    def _check_server(self):
        """Call isMaster or read the next streaming response. Returns a ServerDescription."""
        start = _time()
        try:
            try:
                return self._check_once()
            except (OperationFailure, NotMasterError) as exc:
                # Update max cluster time even when isMaster fails.
                self._topology.receive_cluster_time(exc.details.get('$clusterTime'))
                raise
        except ReferenceError:
            raise
        except Exception as error:
            sd = self._server_description
            address = sd.address
            duration = _time() - start
            if self._publish:
                awaited = sd.is_server_type_known and sd.topology_version
                self._listeners.publish_server_heartbeat_failed(address, duration, error, awaited)
            self._reset_connection()
            if isinstance(error, _OperationCancelled):
                raise
            # Server type defaults to Unknown.
            return ServerDescription(address, error=error)  # LEAK

    def _check_once(self):
        address = self._server_description.address
        with self._pool.get_socket({}) as sock_info:
            response, round_trip_time = sock_info.ismaster()
            return ServerDescription(address, response, round_trip_time)
