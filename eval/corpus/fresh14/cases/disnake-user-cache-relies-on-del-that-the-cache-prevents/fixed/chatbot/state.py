import weakref
from typing import Any, Dict, Optional

from .user import User


class ConnectionState:
    def __init__(self, members_intent: bool = True) -> None:
        # Without weak references these users would be kept for the life of the connection.
        self._users: "weakref.WeakValueDictionary[int, User]" = weakref.WeakValueDictionary()
        if not members_intent:
            self.store_user = self.create_user  # type: ignore[method-assign]

    def store_user(self, data: Dict[str, Any]) -> User:
        user_id = int(data["id"])
        try:
            return self._users[user_id]
        except KeyError:
            user = User(state=self, data=data)
            if user.discriminator != "0000":
                self._users[user_id] = user
            return user

    def create_user(self, data: Dict[str, Any]) -> User:
        return User(state=self, data=data)

    def get_user(self, user_id: Optional[int]) -> Optional[User]:
        return self._users.get(user_id)  # type: ignore[arg-type]

    def parse_guild_ban_remove(self, data: Dict[str, Any]) -> User:
        return self.store_user(data["user"])
