from broadcaster._base import Broadcast, Event, Subscriber, Unsubscribed

__all__ = ["Broadcast", "Event", "Subscriber", "Unsubscribed"]
