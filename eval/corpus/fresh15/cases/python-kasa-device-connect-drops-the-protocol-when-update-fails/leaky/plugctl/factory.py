from typing import Dict, Optional, Type

from .protocol import Bulb, Device, DeviceConfig, DeviceError, HttpTransport, Plug, Protocol

DEVICE_CLASSES: Dict[str, Type[Device]] = {"IOT.SMARTPLUG": Plug, "IOT.SMARTBULB": Bulb, "SMART.TAPOPLUG": Plug}


def get_protocol(config: DeviceConfig) -> Optional[Protocol]:
    """Build the protocol (and its transport) that speaks to a device of this family."""
    if config.family not in DEVICE_CLASSES:
        return None
    return Protocol(HttpTransport(config))


async def connect(*, host: Optional[str] = None, config: Optional[DeviceConfig] = None) -> Device:
    if (host is None) == (config is None):
        raise DeviceError("one of host or config must be given")
    if config is None:
        assert host is not None
        config = DeviceConfig(host=host)

    if (protocol := get_protocol(config=config)) is None:  # LEAK
        raise DeviceError("unsupported device family %s" % config.family)

    info = await protocol.query({"system": {"get_sysinfo": None}})
    device_class = DEVICE_CLASSES.get(info.get("system", {}).get("get_sysinfo", {}).get("type", config.family))
    if device_class is None:
        raise DeviceError("unsupported device at %s" % config.host)
    device = device_class(config.host, protocol=protocol)
    await device.update()
    return device
