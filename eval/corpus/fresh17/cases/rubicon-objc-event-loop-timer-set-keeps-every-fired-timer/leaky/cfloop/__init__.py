from .eventloop import CFEventLoop
from .handles import CFTimerHandle

__all__ = ["CFEventLoop", "CFTimerHandle"]
