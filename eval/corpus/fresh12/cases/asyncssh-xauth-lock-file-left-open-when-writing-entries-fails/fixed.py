import asyncio
import os
import time
from typing import Iterator, Optional

XAUTH_LOCK_SUFFIX = "-c"
XAUTH_LOCK_TRIES = 5
XAUTH_LOCK_DELAY = 0.2
XAUTH_LOCK_DEAD = 5


class XAuthorityEntry:
    def __init__(self, family: int, addr: bytes, dpynum: bytes, proto: bytes, data: bytes) -> None:
        self.family, self.addr, self.dpynum = family, addr, dpynum
        self.proto, self.data = proto, data

    def __bytes__(self) -> bytes:
        return b"".join((self.addr, self.dpynum, self.proto, self.data))


def walk_xauth(auth_path: str) -> Iterator[XAuthorityEntry]:
    with open(auth_path, "rb") as auth_file:
        for line in auth_file:
            family, addr, dpynum, proto, data = line.split()
            yield XAuthorityEntry(int(family), addr, dpynum, proto, data)


async def update_xauth(auth_path: str, host: bytes, dpynum: bytes, auth_proto: bytes, auth_data: bytes) -> None:
    new_auth_path = auth_path + XAUTH_LOCK_SUFFIX
    new_file = None
    try:
        if time.time() - os.stat(new_auth_path).st_ctime > XAUTH_LOCK_DEAD:
            os.unlink(new_auth_path)
    except FileNotFoundError:
        pass

    for _ in range(XAUTH_LOCK_TRIES):
        try:
            new_file = open(new_auth_path, "xb")
        except FileExistsError:
            await asyncio.sleep(XAUTH_LOCK_DELAY)
        else:
            break

    if not new_file:
        raise ValueError("Unable to acquire Xauthority lock")

    with new_file:
        new_entry = XAuthorityEntry(256, host, dpynum, auth_proto, auth_data)
        new_file.write(bytes(new_entry))
        for entry in walk_xauth(auth_path):
            if entry.family != new_entry.family or entry.addr != new_entry.addr or entry.dpynum != new_entry.dpynum:
                new_file.write(bytes(entry))
        os.replace(new_auth_path, auth_path)
