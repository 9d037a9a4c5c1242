from typing import Any, Dict, List

from .conn import AuthenticatedConn


async def list_realms(conn: AuthenticatedConn) -> List[Dict[str, Any]]:
    reply = await conn.send(b"realm_list")
    return list(reply.get("realms", []))


async def ping(conn: AuthenticatedConn, message: str) -> str:
    reply = await conn.send(b"ping:" + message.encode())
    return str(reply.get("pong", ""))
