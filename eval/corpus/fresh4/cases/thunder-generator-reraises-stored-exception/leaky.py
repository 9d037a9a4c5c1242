from __future__ import annotations

from enum import Enum


class INTERPRETER_SIGNALS(Enum):
    EXCEPTION_RAISED = 1
    RETURN_VALUE = 2
    YIELD_VALUE = 3


class InterpreterError(RuntimeError):
    pass


def _run_frame(frame, compilectx, runtimectx, send_value=None):
    return frame.step(send_value), frame.status


def make_generator(frame, compilectx, runtimectx):
    def thunder_interpreter_generator():
        send_value = None
        while True:
            try:
                res, status = _run_frame(frame, compilectx, runtimectx, send_value=send_value)
            except Exception as e:
                msg = f"Encountered exception {type(e).__name__}: {e}"
                raise InterpreterError(msg) from e
            if status is INTERPRETER_SIGNALS.EXCEPTION_RAISED:
                e = runtimectx.curexc
                assert isinstance(e, BaseException)
                runtimectx.curexc = None
                if isinstance(e, StopIteration):
                    return e.value
                raise e  # LEAK
            if status == INTERPRETER_SIGNALS.RETURN_VALUE:
                return None
            send_value = yield res

    return thunder_interpreter_generator()
