import logging
import os
import subprocess
import threading
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

LOG = logging.getLogger(__name__)

TIMEOUT_EXIT_CODE = -9


def run_command(cmd: Union[str, List[str]], env: Optional[Dict[str, str]] = None,
                cwd: Optional[str] = None, shell: bool = False, timeout: int = 60,
                stdin_value: Optional[str] = None,
                kill_func: Optional[Callable[..., None]] = None) -> Tuple[int, Any, Any, bool]:
    """Run a command with a timeout; return (exit_code, stdout, stderr, timed_out)."""
    if not env:
        env = os.environ.copy()
    process = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
        shell=shell,
    )

    def on_timeout_expired(timeout: int) -> None:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            LOG.debug("command execution timeout reached")
            # set the code before the kill as well: kill_func may run asynchronously
            process.returncode = TIMEOUT_EXIT_CODE  # LEAK
            if kill_func:
                kill_func(process=process)
            else:
                process.kill()
            # and again, since kill() may have overwritten it
            process.returncode = TIMEOUT_EXIT_CODE  # LEAK

    timeout_thread = threading.Thread(target=on_timeout_expired, args=(timeout,), daemon=True)
    timeout_thread.start()

    stdin_bytes = stdin_value.encode("utf-8") if stdin_value else None
    stdout, stderr = process.communicate(stdin_bytes)

    timeout_thread.join()
    exit_code = process.returncode
    timed_out = exit_code == TIMEOUT_EXIT_CODE
    return exit_code, stdout, stderr, timed_out
