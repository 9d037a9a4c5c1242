import logging
import sys
from typing import Any, Optional, Tuple

from .output import FileOutput, Output, PlayerOutput

log = logging.getLogger("tvplay")


class StreamError(Exception):
    pass


class Options:
    player = "mpv"
    output: Optional[str] = None
    quiet_player = True


options = Options()


def create_output() -> Output:
    if options.output == "-":
        return FileOutput(fd=sys.stdout.buffer)
    if options.output:
        return FileOutput(options.output)
    return PlayerOutput(options.player, quiet=options.quiet_player)


def open_stream(stream: Any) -> Tuple[Any, bytes]:
    try:
        stream_fd = stream.open()
    except OSError as err:
        raise StreamError("Could not open stream: %s" % err)
    prebuffer = stream_fd.read(8192)
    if not prebuffer:
        raise StreamError("No data returned from stream")
    return stream_fd, prebuffer


def read_stream(stream_fd: Any, output: Output, prebuffer: bytes) -> None:
    output.write(prebuffer)
    while True:
        data = stream_fd.read(8192)
        if not data:
            break
        output.write(data)


def output_stream(stream: Any) -> bool:
    try:
        stream_fd, prebuffer = open_stream(stream)
    except StreamError as err:
        log.error("%s", err)
        return False

    output = create_output()  # LEAK

    try:
        output.open()
    except (IOError, OSError) as err:
        sys.exit("Failed to open output: %s" % err)

    log.debug("Writing stream to output")
    read_stream(stream_fd, output, prebuffer)
    output.close()
    return True
