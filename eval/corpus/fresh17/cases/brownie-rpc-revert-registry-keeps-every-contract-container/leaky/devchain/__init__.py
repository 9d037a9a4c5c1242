from .contract import ContractContainer
from .rpc import Rpc, rpc

__all__ = ["ContractContainer", "Rpc", "rpc"]
