from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any, Callable, Optional

CALLBACK_TYPE = Callable[[], None]


def async_dispatcher_connect(hass: Any, signal: str, target: Callable) -> CALLBACK_TYPE:
    hass.listeners.setdefault(signal, []).append(target)
    return lambda: hass.listeners[signal].remove(target)


def async_track_time_interval(hass: Any, action: Callable, interval: timedelta) -> CALLBACK_TYPE:
    handle = hass.loop.call_later(interval.total_seconds(), action)
    return handle.cancel


class TuyaDevice:
    def __init__(self, hass: Any, device_config: Any) -> None:
        self._hass = hass
        self._device_config = device_config
        self._interface: Any = None
        self._is_closing = False
        self._connect_task: Optional[asyncio.Task] = None
        self._reconnect_task = False
        self._unsub_refresh: Optional[CALLBACK_TYPE] = None
        self._call_on_close: list[CALLBACK_TYPE] = []  # LEAK

    @property
    def connected(self) -> bool:
        return self._interface is not None

    async def _make_connection(self) -> None:
        try:
            self._interface = await self._device_config.connect()
        except OSError:
            self._interface = None

        if self.connected:
            def _new_entity_handler(entity_id: str) -> None:
                self._dispatch_status()

            signal = f"localtuya_entity_{self._device_config.id}"
            self._call_on_close.append(  # LEAK
                async_dispatcher_connect(self._hass, signal, _new_entity_handler)
            )
            if (scan_inv := int(self._device_config.scan_interval)) > 0:
                self._unsub_refresh = async_track_time_interval(self._hass, self._async_refresh,
                                                                timedelta(seconds=scan_inv))
            self._connect_task = None

        if not self.connected:
            if not self._reconnect_task:
                self._call_on_close.append(asyncio.create_task(self._async_reconnect()).cancel)  # LEAK
        self._connect_task = None

    async def _async_reconnect(self) -> None:
        self._reconnect_task = True
        while not self.connected and not self._is_closing:
            await asyncio.sleep(5)
            await self._make_connection()
        self._reconnect_task = False

    async def _shutdown_entities(self, exc: Optional[Exception] = None) -> None:
        await asyncio.sleep(self._device_config.sleep_time)
        if not self.connected:
            self._dispatch_status()

    def _async_refresh(self) -> None:
        if self._interface is not None:
            self._interface.update_dps()

    def _dispatch_status(self) -> None:
        for listener in self._hass.listeners.get(f"localtuya_{self._device_config.id}", []):
            listener()

    def disconnected(self, exc: str = "") -> None:
        self._interface = None
        if self._unsub_refresh:
            self._unsub_refresh()
            self._unsub_refresh = None
        if self._connect_task is not None:
            self._connect_task.cancel("Device disconnected")
            self._connect_task = None
        if self._is_closing:
            return
        self._call_on_close.append(asyncio.create_task(self._async_reconnect()).cancel)  # LEAK
        self._call_on_close.append(  # LEAK
            asyncio.create_task(self._shutdown_entities(exc=exc)).cancel
        )

    async def close(self) -> None:
        if self._is_closing:
            return
        self._is_closing = True
        if self._connect_task is not None:
            self._connect_task.cancel()
            self._connect_task = None
        for cb in self._call_on_close:
            cb()
        if self._interface is not None:
            await self._interface.close()
            self._interface = None
