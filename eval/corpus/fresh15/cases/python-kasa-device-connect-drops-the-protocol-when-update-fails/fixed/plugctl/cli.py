import asyncio
import sys
from typing import List

from .factory import connect
from .protocol import DeviceConfig


async def run(host: str, family: str, command: str) -> int:
    dev = await connect(config=DeviceConfig(host=host, family=family))
    try:
        if command == "state":
            print("%s: %s" % (dev.host, dev.sys_info.get("relay_state")))
        elif command == "on":
            await dev.turn_on()
        else:
            print("unknown command %s" % command)
            return 2
        return 0
    finally:
        await dev.disconnect()


def main(argv: List[str]) -> int:
    host, family, command = argv[1], argv[2], argv[3] if len(argv) > 3 else "state"
    return asyncio.run(run(host, family, command))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
