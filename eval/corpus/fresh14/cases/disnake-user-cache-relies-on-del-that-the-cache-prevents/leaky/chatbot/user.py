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
    __slots__ = ("_stored",)

    def __init__(self, *, state: "ConnectionState", data: Dict[str, Any]) -> None:
        super().__init__(state=state, data=data)
        self._stored = False

    def __del__(self) -> None:
        # Evict ourselves from the state's cache once nothing else uses us.
        try:
            if self._stored:
                self._state.deref_user(self.id)
        except KeyError:
            pass
