from typing import Any, Dict, Tuple


class SnmpEngine:
    """Keeps the configured target addresses and parameters of an engine."""

    def __init__(self) -> None:
        self.target_addrs: Dict[str, Tuple[Any, ...]] = {}
        self.target_params: Dict[str, Tuple[Any, ...]] = {}
        self.transports: Dict[Tuple[int, ...], Any] = {}

    def add_target_params(self, name: str, security_name: str, level: str, mp_model: int) -> None:
        self.target_params[name] = (security_name, level, mp_model)

    def add_target_addr(self, name: str, domain: Tuple[int, ...], addr: Tuple[str, int],
                        params: str, timeout: int, retries: int, tags: str) -> None:
        self.target_addrs[name] = (domain, addr, params, timeout, retries, tags)

    def del_target_addr(self, name: str) -> None:
        self.target_addrs.pop(name, None)
