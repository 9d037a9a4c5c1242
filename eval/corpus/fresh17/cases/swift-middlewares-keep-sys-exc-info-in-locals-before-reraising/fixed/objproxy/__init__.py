from .acl import AclHandler, MalformedACLError
from .proxy_logging import ProxyLoggingMiddleware

__all__ = ["AclHandler", "MalformedACLError", "ProxyLoggingMiddleware"]
