from __future__ import annotations

import logging
from typing import Any

from aiohomematic.central.event_bus import EventBus, SysvarStateChangedEvent

_LOGGER = logging.getLogger(__name__)


class HubCoordinator:
    def __init__(self, *, central_name: str, event_bus: EventBus) -> None:
        self._central_name = central_name
        self._event_bus = event_bus
        self._sysvar_data_points: dict[str, Any] = {}
        self._state_path_to_name: dict[str, str] = {}

    def add_sysvar_data_point(self, *, sysvar_data_point: Any) -> None:
        if (vid := sysvar_data_point.vid) is not None:
            self._sysvar_data_points[vid] = sysvar_data_point
            self._state_path_to_name[sysvar_data_point.state_path] = sysvar_data_point.vid

            async def event_handler(*, event: SysvarStateChangedEvent) -> None:  # LEAK
                if event.state_path == sysvar_data_point.state_path:
                    await sysvar_data_point.event(value=event.value, received_at=event.received_at)

            self._event_bus.subscribe(  # LEAK
                event_type=SysvarStateChangedEvent, event_key=sysvar_data_point.state_path, handler=event_handler
            )

    def remove_sysvar_data_point(self, *, vid: str) -> None:
        if (sysvar_dp := self._sysvar_data_points.get(vid)) is not None:
            sysvar_dp.publish_device_removed_event()
            self._sysvar_data_points.pop(vid, None)
            self._state_path_to_name.pop(sysvar_dp.state_path, None)
            # Event subscription will be automatically cleaned up when sysvar_dp is deleted
            _LOGGER.debug("REMOVE_SYSVAR_DATA_POINT: Removed sysvar %s from %s", vid, self._central_name)
