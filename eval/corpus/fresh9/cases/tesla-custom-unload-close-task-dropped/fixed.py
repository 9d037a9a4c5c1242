from __future__ import annotations

import asyncio

import httpx
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import callback
from homeassistant.exceptions import ConfigEntryNotReady
from teslajsonpy import Controller


async def async_setup_entry(hass, config_entry) -> bool:
    async_client = httpx.AsyncClient(timeout=60)
    controller = Controller(websession=async_client, email=config_entry.data["username"])
    try:
        await controller.connect()
    except (httpx.ConnectTimeout, httpx.ConnectError) as ex:
        await async_client.aclose()
        raise ConfigEntryNotReady from ex

    async def _async_close_client(*_) -> None:
        await async_client.aclose()

    @callback
    def _async_create_close_task() -> None:
        # Home Assistant keeps background tasks until they finish; asyncio
        # alone holds only a weak reference to a task.
        if hasattr(hass, "async_create_background_task"):
            hass.async_create_background_task(_async_close_client())
        else:
            asyncio.create_task(_async_close_client())

    config_entry.async_on_unload(hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, _async_close_client))
    config_entry.async_on_unload(_async_create_close_task)

    hass.data.setdefault("tesla_custom", {})[config_entry.entry_id] = controller
    return True
