import errno
import socket

from .errors import AddressLookupError

V4 = "ipv4"
V6_ANY = "ipv6"
V6_PUBLIC = "ipv6_public"
V6_TEMPORARY = "ipv6_tmp"
OUTSIDE = {V4: "192.0.2.1", V6_ANY: "2001:db8::1"}


def outgoing_address(kind: str) -> str:
    family = socket.AF_INET if kind == V4 else socket.AF_INET6
    sock = socket.socket(family, socket.SOCK_DGRAM)
    try:
        if kind in (V6_PUBLIC, V6_TEMPORARY):
            try:
                if kind == V6_PUBLIC:
                    preference = socket.IPV6_PREFER_SRC_PUBLIC  # type: ignore[attr-defined]
                else:
                    preference = socket.IPV6_PREFER_SRC_TMP  # type: ignore[attr-defined]
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_ADDR_PREFERENCES, preference)  # type: ignore[attr-defined]
            except socket.error as exc:
                if exc.errno == errno.ENOPROTOOPT:
                    raise AddressLookupError("kernel has no IPv6 address preferences")
                raise AddressLookupError("cannot set the IPv6 address preference: %s" % exc)
        target = OUTSIDE[V4] if kind == V4 else OUTSIDE[V6_ANY]
        try:
            sock.connect((target, 9))
        except (socket.error, socket.gaierror) as exc:
            raise AddressLookupError(str(exc))
        address = sock.getsockname()[0]
    finally:
        sock.close()
    return address
