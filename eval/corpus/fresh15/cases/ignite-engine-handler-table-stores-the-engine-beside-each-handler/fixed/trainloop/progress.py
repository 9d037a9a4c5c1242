from typing import Any, List

from .engine import Engine, Events


class LossHistory:
    """Records the loss after every iteration of the engine it is attached to."""

    def __init__(self) -> None:
        self.values: List[float] = []

    def _record(self, engine: Engine) -> None:
        self.values.append(float(engine.state.output))

    def attach(self, engine: Engine) -> None:
        engine.add_event_handler(Events.ITERATION_COMPLETED, self._record)


def log_every(engine: Engine, every: int, sink: Any) -> None:
    def _log(current: Engine) -> None:
        if current.state.iteration % every == 0:
            sink.write("iteration %d\n" % current.state.iteration)

    engine.add_event_handler(Events.ITERATION_COMPLETED, _log)
