from __future__ import annotations

from typing import Any, Callable

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant

from custom_components.ajax_alarm.api import AlarmGrpcClient
from custom_components.ajax_alarm.coordinator import AlarmCoordinator

DEFAULT_POLL_INTERVAL = 30
PLATFORMS = ["alarm_control_panel", "binary_sensor", "sensor"]


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    client = AlarmGrpcClient(
        email=entry.data["email"],
        password_hash=entry.data.get("password_hash", ""),
        device_id=entry.data.get("device_id"),
    )
    if entry.data.get("session_token") and entry.data.get("user_hex_id"):
        client.session.set_session(str(entry.data["session_token"]), str(entry.data["user_hex_id"]))
    await client.connect()  # LEAK

    def _persist_session(token: str, user_hex_id: str) -> None:
        if entry.data.get("session_token") == token and entry.data.get("user_hex_id") == user_hex_id:
            return
        hass.config_entries.async_update_entry(
            entry, data={**entry.data, "session_token": token, "user_hex_id": user_hex_id})

    coordinator = AlarmCoordinator(
        hass=hass,
        client=client,
        space_ids=entry.data.get("spaces", []),
        poll_interval=entry.options.get("poll_interval", DEFAULT_POLL_INTERVAL),
        on_session_persist=_persist_session,
    )
    await coordinator.async_config_entry_first_refresh()
    entry.runtime_data = coordinator

    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    unload_ok = await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
    if unload_ok:
        await entry.runtime_data.client.close()
    return unload_ok
