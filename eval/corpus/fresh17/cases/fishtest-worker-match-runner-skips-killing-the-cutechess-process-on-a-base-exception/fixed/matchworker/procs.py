import subprocess
import sys

ON_WINDOWS = sys.platform.startswith("win")


def start_engine_match(argv):
    return subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        universal_newlines=True,
        bufsize=1,
        close_fds=not ON_WINDOWS,
    )


def stop_process(proc):
    try:
        if ON_WINDOWS:
            subprocess.call(["taskkill", "/F", "/T", "/PID", str(proc.pid)])
        else:
            proc.kill()
    except OSError:
        print("process %d was probably gone already" % proc.pid)
    finally:
        proc.wait()
        proc.stdout.close()
