from __future__ import annotations

import logging
import os
import socket
import subprocess
import urllib.request

log = logging.getLogger("torrentstream")


def free_port() -> int:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_streamer(binary_dir: str, binary: str, **options) -> subprocess.Popen:
    args = [binary]
    port = free_port()
    options["bind"] = f":{port}"
    for key, value in options.items():
        args.append(f"--{key}")
        if value:
            args.append(value)

    env = os.environ.copy()
    env["LD_LIBRARY_PATH"] = binary_dir
    proc = subprocess.Popen(args, cwd=binary_dir, env=env)
    proc.bind_address = f"localhost:{port}"

    def close_streamer() -> None:
        if not proc.poll():
            log.info("stopping the streamer at http://%s/shutdown", proc.bind_address)
            try:
                urllib.request.urlopen(f"http://{proc.bind_address}/shutdown", timeout=5).close()
                proc.wait()
            except Exception:
                log.exception("failed to stop the streamer")

    proc.close = close_streamer
    return proc
