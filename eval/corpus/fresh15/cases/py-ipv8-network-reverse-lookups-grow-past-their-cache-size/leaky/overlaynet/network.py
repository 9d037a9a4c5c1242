import threading
from collections import OrderedDict
from typing import Dict, Iterable, List, Optional, Set, Tuple

Address = Tuple[str, int]


class Peer:
    def __init__(self, key: bytes, address: Address) -> None:
        self.key = key
        self.address = address


class Network:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._all_addresses: Dict[Address, bytes] = {}
        self.verified_peers: Set[Peer] = set()
        self.verified_by_key: Dict[bytes, Peer] = {}
        # Rotated caches: the information is temporal, so old entries must go.
        self.reverse_ip_cache_size = 500
        self.reverse_ip_lookup: "OrderedDict[Address, Peer]" = OrderedDict()
        self.reverse_intro_cache_size = 500
        self.reverse_intro_lookup: "OrderedDict[Peer, List[Address]]" = OrderedDict()
        self.reverse_service_cache_size = 500
        self.reverse_service_lookup: "OrderedDict[bytes, List[Peer]]" = OrderedDict()

    def discover_address(self, peer: Peer, address: Address, service: Optional[bytes] = None) -> None:
        with self._lock:
            if address not in self._all_addresses:
                self._all_addresses[address] = peer.key
                known = self.reverse_intro_lookup.get(peer)
                if known:
                    known.append(address)
                else:
                    self.reverse_intro_lookup[peer] = [address]  # LEAK
            self.add_verified_peer(peer)

    def discover_services(self, peer: Peer, services: Iterable[bytes]) -> None:
        with self._lock:
            for service in services:
                cached = self.reverse_service_lookup.get(service)
                if cached is not None:
                    if peer in cached:
                        cached.remove(peer)
                    cached.append(self.verified_by_key.get(peer.key, peer))
                    self.reverse_service_lookup[service] = cached

    def add_verified_peer(self, peer: Peer) -> None:
        with self._lock:
            self.verified_peers.add(peer)
            self.verified_by_key[peer.key] = peer

    def remove_peer(self, peer: Peer) -> None:
        with self._lock:
            self.verified_peers.discard(peer)
            self.verified_by_key.pop(peer.key, None)

    def get_verified_by_address(self, address: Address) -> Optional[Peer]:
        with self._lock:
            peer = self.reverse_ip_lookup.pop(address, None)
            if peer is None or peer not in self.verified_peers:
                peer = next((p for p in self.verified_peers if p.address == address), None)
            if peer is not None:
                self.reverse_ip_lookup[address] = peer  # LEAK
            return peer
