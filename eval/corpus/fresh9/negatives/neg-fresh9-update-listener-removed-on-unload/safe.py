from __future__ import annotations


async def async_setup_entry(hass, entry) -> bool:
    hass.data.setdefault("demo", {})[entry.entry_id] = {"options": dict(entry.options)}
    entry.async_on_unload(entry.add_update_listener(_async_entry_updated))
    return True


async def async_unload_entry(hass, entry) -> bool:
    hass.data["demo"].pop(entry.entry_id, None)
    return True


async def _async_entry_updated(hass, entry) -> None:
    await hass.config_entries.async_reload(entry.entry_id)
