import logging
import weakref
from asyncio import Condition
from collections import deque
from typing import Deque, Dict, Generic, List, Optional, TypeVar
from uuid import UUID, uuid4

T = TypeVar("T")
logger = logging.getLogger(__name__)


class Broadcast(Generic[T]):
    def __init__(self, name: str, resend_latest: bool = False) -> None:
        self.name = name
        self._resend_latest = resend_latest
        self.recv_cv = Condition()
        self.receivers: Dict[UUID, object] = {}
        self.closed = False
        self._latest: Optional[T] = None

    async def close(self) -> None:
        self._latest = None
        self.closed = True
        async with self.recv_cv:
            self.recv_cv.notify_all()

    def get_sender(self) -> "Sender[T]":
        return Sender(self)

    def get_receiver(self, name: Optional[str] = None, maxsize: int = 50) -> "Receiver[T]":
        uuid = uuid4()
        if name is None:
            name = str(uuid)
        recv: Receiver[T] = Receiver(uuid, name, maxsize, self)
        self.receivers[uuid] = weakref.ref(recv)
        if self._resend_latest and self._latest is not None:
            recv.enqueue(self._latest)
        return recv


class Sender(Generic[T]):
    def __init__(self, chan: Broadcast[T]) -> None:
        self._chan = chan

    async def send(self, msg: T) -> bool:
        if self._chan.closed:
            return False
        self._chan._latest = msg
        stale_refs: List[UUID] = []
        for name, recv_ref in self._chan.receivers.items():
            recv = recv_ref()
            if recv is None:
                stale_refs.append(name)
                continue
            recv.enqueue(msg)
        for name in stale_refs:
            del self._chan.receivers[name]
        async with self._chan.recv_cv:
            self._chan.recv_cv.notify_all()
        return True


class Receiver(Generic[T]):
    def __init__(self, uuid: UUID, name: str, maxsize: int, chan: Broadcast[T]) -> None:
        self._uuid = uuid
        self._name = name
        self._chan = chan
        self._q: Deque[T] = deque(maxlen=maxsize)
        self._active = True

    def enqueue(self, msg: T) -> None:
        if len(self._q) == self._q.maxlen:
            self._q.popleft()
            logger.warning("Broadcast receiver [%s:%s] is full. Oldest message was dropped.",
                           self._chan.name, self._name)
        self._q.append(msg)

    def __len__(self) -> int:
        return len(self._q)
