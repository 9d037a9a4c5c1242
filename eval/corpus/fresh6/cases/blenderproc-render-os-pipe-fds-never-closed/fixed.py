from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager
from typing import IO, Callable


def _progress_bar_thread(pipe_out: int, stdout: IO, total_frames: int) -> None:
    with os.fdopen(pipe_out, closefd=False) as reader:
        for line in reader:
            if line.startswith("\b"):
                break
            stdout.write(".")


@contextmanager
def stdout_redirected(to: int, enabled: bool = True):
    if not enabled:
        yield sys.stdout
        return
    saved = os.dup(1)
    os.dup2(to, 1)
    try:
        yield os.fdopen(saved, "w", closefd=False)
    finally:
        os.dup2(saved, 1)
        os.close(saved)


@contextmanager
def _render_progress_bar(pipe_out: int, pipe_in: int, stdout: IO, total_frames: int, enabled: bool = True):
    if enabled:
        thread = threading.Thread(target=_progress_bar_thread, args=(pipe_out, stdout, total_frames))
        thread.start()
        try:
            yield
        finally:
            # send the final character so the thread knows to stop
            w = os.fdopen(pipe_in, "w")
            w.write("\b")
            w.close()
            thread.join()
    else:
        yield


def render(render_animation: Callable[[], None], total_frames: int, verbose: bool = False) -> None:
    # a pipe carries Blender's debug messages to the progress bar
    pipe_out, pipe_in = os.pipe()
    begin = time.time()
    with stdout_redirected(pipe_in, enabled=not verbose) as stdout:
        with _render_progress_bar(pipe_out, pipe_in, stdout, total_frames, enabled=not verbose):
            render_animation()

    # close the pipes so no file handle stays open
    try:
        os.close(pipe_out)
    except OSError:
        pass
    try:
        os.close(pipe_in)
    except OSError:
        pass

    print(f"Finished rendering after {time.time() - begin:.3f} seconds")
