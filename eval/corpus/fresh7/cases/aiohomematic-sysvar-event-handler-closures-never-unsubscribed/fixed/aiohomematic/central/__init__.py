from .event_bus import EventBus, SysvarStateChangedEvent
