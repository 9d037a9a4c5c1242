from typing import Iterable, Optional, Tuple

from .network import Address, Network, Peer


class DiscoveryCommunity:
    """Feeds introductions and advertised services into the shared network view."""

    def __init__(self, network: Network, service_id: bytes) -> None:
        self.network = network
        self.service_id = service_id

    def on_introduction_response(self, sender: Peer, introduced: Iterable[Address]) -> None:
        for address in introduced:
            self.network.discover_address(sender, address, self.service_id)
        self.network.discover_services(sender, [self.service_id])

    def on_packet(self, source: Address) -> Optional[Peer]:
        return self.network.get_verified_by_address(source)


def walk_once(community: DiscoveryCommunity, sender: Peer, addresses: Tuple[Address, ...]) -> None:
    community.on_introduction_response(sender, addresses)
