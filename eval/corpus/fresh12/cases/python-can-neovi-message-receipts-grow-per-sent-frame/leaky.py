from collections import defaultdict, deque
from itertools import cycle
from threading import Event

description_id = cycle(range(1, 0x8000))


class CanTimeoutError(Exception):
    pass


class NeoViBus:
    def __init__(self, device, receive_own_messages: bool = False) -> None:
        self.dev = device
        self._receive_own_messages = receive_own_messages
        self.rx_buffer = deque()
        self.message_receipts = defaultdict(Event)

    def _process_msg_queue(self, timeout: float = 0.1) -> None:
        for ics_msg in self.dev.get_messages(timeout):
            is_tx = bool(ics_msg.StatusBitField & 0x02)
            if is_tx:
                if ics_msg.DescriptionID:
                    receipt_key = (ics_msg.ArbIDOrHeader, ics_msg.DescriptionID)
                    self.message_receipts[receipt_key].set()  # LEAK
                if not self._receive_own_messages:
                    continue
            self.rx_buffer.append(ics_msg)

    def send(self, msg, timeout: float = 0) -> None:
        message = self.dev.new_message(msg.arbitration_id, msg.data)
        msg_desc_id = next(description_id)
        message.DescriptionID = msg_desc_id
        receipt_key = (msg.arbitration_id, msg_desc_id)
        if timeout != 0:
            self.message_receipts[receipt_key].clear()
        self.dev.transmit(message)
        if timeout != 0 and not self.message_receipts[receipt_key].wait(timeout):
            raise CanTimeoutError("Transmit timeout")
