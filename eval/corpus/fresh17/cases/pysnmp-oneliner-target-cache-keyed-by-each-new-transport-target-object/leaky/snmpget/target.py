import socket
from typing import Tuple

UDP_DOMAIN: Tuple[int, ...] = (1, 3, 6, 1, 6, 1, 1)


class CommunityData:
    def __init__(self, security_name: str, community: str, mp_model: int = 1) -> None:
        self.security_name = security_name
        self.community = community
        self.mp_model = mp_model
        self.security_level = "noAuthNoPriv"


class UdpTransportTarget:
    """One destination agent; callers usually build one per request."""

    transport_domain = UDP_DOMAIN

    def __init__(self, address: Tuple[str, int], timeout: float = 1.0, retries: int = 5, tag_list: str = "") -> None:
        self.transport_addr = (socket.gethostbyname(address[0]), address[1])
        self.timeout = timeout
        self.retries = retries
        self.tag_list = tag_list

    def open_client_mode(self) -> socket.socket:
        return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
