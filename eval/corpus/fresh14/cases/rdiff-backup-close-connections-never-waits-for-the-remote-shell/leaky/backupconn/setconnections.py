import logging
import os
import subprocess
from typing import Any, List, Optional

from . import connection, state

log = logging.getLogger(__name__)

# only kept so that the library does not warn that the subprocess is still running
_processes: List[subprocess.Popen] = []


def init_connection(remote_cmd: Optional[str]) -> Optional[Any]:
    """Run remote_cmd and register the connection to the server it starts."""
    if not remote_cmd:
        return None
    log.info("executing remote command %s", remote_cmd)
    try:
        process = subprocess.Popen(  # LEAK
            os.fsdecode(remote_cmd), shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        stdin, stdout = process.stdin, process.stdout
        _processes.append(process)
    except OSError:
        stdin, stdout = None, None
    conn_number = len(state.connections)
    conn = connection.PipeConnection(stdout, stdin, conn_number)
    if conn.call("version") is None:
        return None
    state.connections.append(conn)
    state.connection_dict[conn_number] = conn
    return conn


def close_connections() -> None:
    """Close all connections; run by the client."""
    assert not state.server, "connections are closed by the client"
    for conn in state.connections:
        if conn:
            conn.quit()
    del state.connections[1:]
    state.connection_dict.clear()
