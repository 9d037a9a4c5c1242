from typing import TYPE_CHECKING, Any, Dict

if TYPE_CHECKING:
    from .state import ConnectionState


class BaseUser:
    __slots__ = ("id", "name", "discriminator", "_state")

    def __init__(self, *, state: "ConnectionState", data: Dict[str, Any]) -> None:
        self._state = state
        self.id = int(data["id"])
        self.name = data["username"]
        self.discriminator = data.get("discriminator", "0")


class User(BaseUser):
    __slots__ = ("__weakref__",)
