from .collector import InverterCollector

COLLECTORS = {}


async def setup_entry(hass, entry_id, controller):
    COLLECTORS[entry_id] = InverterCollector(hass, controller)
    return True


async def unload_entry(entry_id):
    collector = COLLECTORS.pop(entry_id, None)
    if collector is not None:
        await collector.stop()
    return True
