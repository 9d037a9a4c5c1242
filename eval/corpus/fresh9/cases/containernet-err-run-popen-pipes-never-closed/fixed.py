from __future__ import annotations

import logging
from select import POLLIN, poll
from subprocess import PIPE, Popen

log = logging.getLogger("mininet")


def errRun(*cmd, **kwargs):
    """Run a command and return stdout, stderr and return code."""
    stderr = kwargs.get("stderr", PIPE)
    shell = kwargs.get("shell", False)
    if len(cmd) == 1:
        cmd = cmd[0]
    if isinstance(cmd, str) and not shell:
        cmd = [str(arg) for arg in cmd.split(" ")]
    elif isinstance(cmd, list) and shell:
        cmd = " ".join(arg for arg in cmd)
    popen = Popen(cmd, stdout=PIPE, stderr=stderr, shell=shell)
    # poll() rather than communicate(): select() fails on large fd numbers
    out, err = "", ""
    poller = poll()
    poller.register(popen.stdout, POLLIN)
    fdtofile = {popen.stdout.fileno(): popen.stdout}
    outDone, errDone = False, True
    if popen.stderr:
        fdtofile[popen.stderr.fileno()] = popen.stderr
        poller.register(popen.stderr, POLLIN)
        errDone = False
    while not outDone or not errDone:
        for fd, event in poller.poll():
            f = fdtofile[fd]
            if event & POLLIN:
                data = f.read(1024).decode()
                if f == popen.stdout:
                    out += data
                    outDone = data == ""
                elif f == popen.stderr:
                    err += data
                    errDone = data == ""
            else:
                if f == popen.stdout:
                    outDone = True
                elif f == popen.stderr:
                    errDone = True
                poller.unregister(fd)

    returncode = popen.wait()
    if popen.stdout:
        popen.stdout.close()
    if popen.stdin:
        popen.stdin.close()
    if popen.stderr:
        popen.stderr.close()
    log.debug("%s %s %s", out, err, returncode)
    return out, err, returncode
