import shutil
from subprocess import DEVNULL, PIPE, Popen
from types import TracebackType
from typing import Callable, Dict, List, Optional, Sequence, Type

from .reader import ReadViaThread


class ExecuteRequest:
    def __init__(self, cmd: List[str], cwd: str, env: Dict[str, str], stdin: str = "off") -> None:
        self.cmd = cmd
        self.cwd = cwd
        self.env = env
        self.stdin = stdin


class ExecuteStatus:
    def __init__(self, process: Optional["Popen[bytes]"], exit_code: Optional[int] = None) -> None:
        self._process = process
        self._exit_code = exit_code

    @property
    def exit_code(self) -> Optional[int]:
        return self._process.returncode if self._process is not None else self._exit_code

    def wait(self, timeout: Optional[float] = None) -> None:
        if self._process is not None:
            self._process.wait(timeout)

    def write_stdin(self, content: str) -> None:
        if self._process is not None and self._process.stdin is not None:
            self._process.stdin.write(content.encode())
            self._process.stdin.flush()


class LocalExecuteInstance:
    def __init__(self, request: ExecuteRequest, out_handler: Callable[[bytes], None],
                 err_handler: Callable[[bytes], None], on_exit_drain: bool = True) -> None:
        self.request = request
        self.out_handler = out_handler
        self.err_handler = err_handler
        self.process: "Optional[Popen[bytes]]" = None
        self._read_stdout: Optional[ReadViaThread] = None
        self._read_stderr: Optional[ReadViaThread] = None
        self._on_exit_drain = on_exit_drain

    @property
    def cmd(self) -> Sequence[str]:
        executable = shutil.which(self.request.cmd[0], path=self.request.env.get("PATH"))
        return self.request.cmd if executable is None else [executable, *self.request.cmd[1:]]

    def __enter__(self) -> ExecuteStatus:
        stdin = {"user": None, "off": DEVNULL, "api": PIPE}[self.request.stdin]
        try:
            self.process = process = Popen(  # LEAK
                self.cmd, stdout=PIPE, stderr=PIPE, stdin=stdin, cwd=self.request.cwd, env=self.request.env,
            )
        except OSError as exception:
            return ExecuteStatus(None, exception.errno)

        assert process.stdout is not None and process.stderr is not None
        drain, pid = self._on_exit_drain, process.pid
        self._read_stderr = ReadViaThread(process.stderr.fileno(), self.err_handler, name="err-%d" % pid, drain=drain)
        self._read_stderr.__enter__()
        self._read_stdout = ReadViaThread(process.stdout.fileno(), self.out_handler, name="out-%d" % pid, drain=drain)
        self._read_stdout.__enter__()
        return ExecuteStatus(process)

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc_val: Optional[BaseException],
                 exc_tb: Optional[TracebackType]) -> None:
        if self._read_stderr is not None:
            self._read_stderr.__exit__(exc_type, exc_val, exc_tb)
        if self._read_stdout is not None:
            self._read_stdout.__exit__(exc_type, exc_val, exc_tb)


def run(request: ExecuteRequest) -> Optional[int]:
    out: List[bytes] = []
    err: List[bytes] = []
    with LocalExecuteInstance(request, out.append, err.append) as status:
        status.wait()
    return status.exit_code
