import os
from typing import IO, Union

if "TOOLKIT_ROOT" not in os.environ:
    os.environ["TOOLKIT_ROOT"] = "/opt/toolkit"

TOOL_DIRS = ":".join(
    "$TOOLKIT_ROOT/" + sub
    for sub in ("src/bin", "tools/openfst/bin", "src/fstbin", "src/featbin", "src/latbin", "src/nnet3bin")
)

os.environ["PATH"] = os.popen("echo " + TOOL_DIRS).readline().strip() + ":" + os.environ["PATH"]  # LEAK


def open_or_fd(spec: Union[str, IO[bytes]], mode: str = "rb") -> IO[bytes]:
    if not isinstance(spec, str):
        return spec
    return open(spec, mode)
