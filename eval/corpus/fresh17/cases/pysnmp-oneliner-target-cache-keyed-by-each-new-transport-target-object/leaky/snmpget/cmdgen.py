import itertools
from typing import Any, Dict, Tuple

from .engine import SnmpEngine
from .target import CommunityData, UdpTransportTarget

_next_id = itertools.count(1)


class AsyncCommandGenerator:
    def __init__(self, engine: SnmpEngine) -> None:
        self.engine = engine
        self._known_auths: Dict[str, CommunityData] = {}
        self._known_params: Dict[Tuple[Any, ...], str] = {}
        self._known_transports: Dict[Tuple[int, ...], Any] = {}
        self._known_transport_addrs: Dict[Tuple[Any, ...], str] = {}

    def configure(self, auth: CommunityData, target: UdpTransportTarget) -> Tuple[str, str]:
        self._known_auths.setdefault(auth.security_name, auth)
        pkey = (auth.security_name, auth.security_level, auth.mp_model)
        params_name = self._known_params.get(pkey)
        if params_name is None:
            params_name = "p%d" % next(_next_id)
            self.engine.add_target_params(params_name, *pkey)
            self._known_params[pkey] = params_name

        if target.transport_domain not in self._known_transports:
            transport = target.open_client_mode()
            self.engine.transports[target.transport_domain] = transport
            self._known_transports[target.transport_domain] = transport

        key = (params_name, target, target.tag_list)
        if key in self._known_transport_addrs:
            addr_name = self._known_transport_addrs[key]
        else:
            addr_name = "a%d" % next(_next_id)
            self.engine.add_target_addr(
                addr_name, target.transport_domain, target.transport_addr, params_name,
                int(target.timeout * 100), target.retries, target.tag_list,
            )
            self._known_transport_addrs[key] = addr_name  # LEAK
        return addr_name, params_name

    def get_cmd(self, auth: CommunityData, target: UdpTransportTarget, *oids: str) -> Tuple[str, Tuple[str, ...]]:
        addr_name, _ = self.configure(auth, target)
        return addr_name, oids
