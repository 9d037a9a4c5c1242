from .batched import BatchedSend
from .scheduler import Scheduler
