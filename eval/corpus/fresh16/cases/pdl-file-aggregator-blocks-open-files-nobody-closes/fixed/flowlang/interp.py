from typing import Any, Dict, Tuple

from .sinks import FileSink
from .state import RunState


def run_program(program: Dict[str, Any]) -> Tuple[Any, RunState]:
    state = RunState()
    try:
        for name, spec in program.get("sinks", {}).items():
            state.sinks[name] = make_sink(state, spec)
        result = evaluate(state, program["root"])
        return result, state
    finally:
        for handle in state.opened:
            try:
                if not handle.closed:
                    handle.close()
            except Exception:
                pass


def make_sink(state: RunState, spec: Dict[str, Any]) -> FileSink:
    if spec["kind"] != "file":
        raise ValueError("unknown sink kind %r" % spec["kind"])
    handle = open(spec["path"], spec.get("mode", "w"), encoding="utf-8")
    state.opened.append(handle)
    return FileSink(handle, prefix=spec.get("prefix", ""))


def evaluate(state: RunState, block: Any) -> Any:
    if isinstance(block, dict) and "emit" in block:
        state.sinks[block["to"]].contribute(block["emit"])
        return block["emit"]
    if isinstance(block, list):
        return [evaluate(state, item) for item in block]
    return block
