import time


class ProcessExecutionError(Exception):
    def __init__(self, argv, retcode, stdout, stderr):
        Exception.__init__(self, argv, retcode, stdout, stderr)
        self.argv = argv
        self.retcode = retcode
        self.stdout = stdout
        self.stderr = stderr


def run_proc(proc, retcode, timeout=None):
    """Waits for the given process to terminate, with the expected exit code.

    :returns: A tuple of (return code, stdout, stderr)
    """
    stdout, stderr = proc.communicate()
    proc._end_time = time.time()
    if not stdout:
        stdout = b""
    if not stderr:
        stderr = b""
    if retcode is not None and proc.returncode != retcode:
        raise ProcessExecutionError(getattr(proc, "argv", None), proc.returncode, stdout, stderr)
    return proc.returncode, stdout, stderr
