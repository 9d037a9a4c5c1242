import asyncio
import logging
from typing import Any, Dict

from .utils import dt_now

log = logging.getLogger("users")


class UserManager:
    def __init__(self, db: Any, mailer: Any) -> None:
        self.users = db["users"]
        self.mailer = mailer

    async def request_verify(self, user: Dict[str, Any], origin: str) -> None:
        token = await self.mailer.new_token(user["email"])
        await self.mailer.send_verify(user["email"], "%s/verify?token=%s" % (origin, token))

    async def create_user(self, email: str, name: str, origin: str) -> Dict[str, Any]:
        user = {"email": email, "name": name, "created": dt_now(), "is_verified": False}
        await self.users.insert_one(user)
        # the verification mail must not hold up the response
        asyncio.create_task(self.request_verify(user, origin))  # LEAK
        log.info("registered %s", email)
        return user
