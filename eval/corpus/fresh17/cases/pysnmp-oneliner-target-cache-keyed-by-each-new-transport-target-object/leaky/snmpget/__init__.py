from .cmdgen import AsyncCommandGenerator
from .engine import SnmpEngine
from .target import CommunityData, UdpTransportTarget

__all__ = ["AsyncCommandGenerator", "CommunityData", "SnmpEngine", "UdpTransportTarget"]
