import asyncio
import queue
from typing import Optional, Set


def seq_gt(a: int, b: int) -> bool:
    return a != b and ((a - b) & 0xFFFF) < 0x8000


class NackGenerator:
    def __init__(self, receiver: "RTCRtpReceiver") -> None:
        self.receiver = receiver
        self.max_seq: Optional[int] = None
        self.missing: Set[int] = set()
        self.ssrc: Optional[int] = None

    async def add(self, ssrc: int, sequence_number: int) -> None:
        if ssrc != self.ssrc:
            self.ssrc = ssrc
            self.max_seq = sequence_number
            self.missing = set()
            return
        if seq_gt(sequence_number, self.max_seq):
            seq = (self.max_seq + 1) & 0xFFFF
            while seq_gt(sequence_number, seq):
                self.missing.add(seq)
                seq = (seq + 1) & 0xFFFF
            self.max_seq = sequence_number
            if self.missing:
                await self.receiver._send_rtcp_nack(self.ssrc, sorted(self.missing))
        else:
            self.missing.discard(sequence_number)


class RTCRtpReceiver:
    def __init__(self, kind: str, transport) -> None:
        self.__kind = kind
        self.__transport = transport
        self.__decoder_queue: "queue.Queue[object]" = queue.Queue()
        self.__jitter_buffer: list = []
        if kind == "audio":
            self.__nack_generator: Optional[NackGenerator] = None
        else:
            self.__nack_generator = NackGenerator(self)
        self.__started = False
        self.__stopped = asyncio.Event()

    async def receive(self) -> None:
        self.__transport.register_rtp_receiver(self)
        self.__started = True

    async def stop(self) -> None:
        if self.__started:
            self.__transport.unregister_rtp_receiver(self)
            self.__decoder_queue.put(None)
            self.__stopped.set()
        # break the receiver <-> generator reference cycle
        self.__nack_generator = None

    async def _handle_rtp_packet(self, ssrc: int, sequence_number: int, payload: bytes) -> None:
        self.__jitter_buffer.append(payload)
        if self.__nack_generator is not None:
            await self.__nack_generator.add(ssrc, sequence_number)

    async def _send_rtcp_nack(self, media_ssrc: int, lost: list) -> None:
        await self.__transport.send_rtcp(("nack", media_ssrc, lost))
