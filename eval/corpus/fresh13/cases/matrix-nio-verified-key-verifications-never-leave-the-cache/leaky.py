from datetime import datetime, timedelta
from typing import Any, Dict, List


class Sas:
    def __init__(self, transaction_id: str) -> None:
        self.transaction_id = transaction_id
        self.creation_time = datetime.now()
        self.timed_out = False
        self.canceled = False
        self.verified = False

    def get_cancelation(self) -> Dict[str, Any]:
        return {"type": "m.key.verification.cancel", "transaction_id": self.transaction_id}


class Olm:
    def __init__(self, user_id: str) -> None:
        self.user_id = user_id
        self.key_verifications: Dict[str, Sas] = {}
        self.outgoing_to_device_messages: List[Dict[str, Any]] = []
        self._max_sas_life = timedelta(minutes=20)

    def handle_key_verification_start(self, transaction_id: str) -> Sas:
        sas = Sas(transaction_id)
        self.key_verifications[transaction_id] = sas
        return sas

    def clear_verifications(self) -> List[Dict[str, Any]]:
        """Drop timed-out and old canceled verifications; return the cancel events to emit."""
        active_sas: Dict[str, Sas] = {}
        events: List[Dict[str, Any]] = []
        now = datetime.now()
        for transaction_id, sas in self.key_verifications.items():
            if sas.timed_out:
                message = sas.get_cancelation()
                self.outgoing_to_device_messages.append(message)
                events.append({"sender": self.user_id, "content": message})
                continue
            elif sas.canceled:
                if now - sas.creation_time > self._max_sas_life:
                    continue
                active_sas[transaction_id] = sas
            else:
                active_sas[transaction_id] = sas  # LEAK
        self.key_verifications = active_sas
        return events
