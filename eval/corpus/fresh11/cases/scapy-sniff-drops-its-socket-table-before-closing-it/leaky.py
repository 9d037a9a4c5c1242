import socket
import time

from scapy.config import conf
from scapy.error import log_runtime
from scapy.sessions import DefaultSession
from scapy.utils import PcapReader


def sniff(count=0, store=True, offline=None, prn=None, lfilter=None,
          L2socket=None, timeout=None, opened_socket=None,
          stop_filter=None, iface=None, started_callback=None,
          session=None, *arg, **karg):
    """Sniff packets and return a list of packets."""
    c = 0
    session = (session or DefaultSession)(prn, store)
    sniff_sockets = {}  # socket: label dict
    if opened_socket is not None:
        sniff_sockets[opened_socket] = "socket0"
    if offline is not None:
        sniff_sockets[PcapReader(offline)] = offline
    if not sniff_sockets or iface is not None:
        if L2socket is None:
            L2socket = conf.L2listen
        sniff_sockets[L2socket(type=0x0003, iface=iface, *arg, **karg)] = iface  # LEAK
    if timeout is not None:
        stoptime = time.time() + timeout
    remain = None

    _main_socket = next(iter(sniff_sockets))
    read_allowed_exceptions = _main_socket.read_allowed_exceptions
    select_func = _main_socket.select

    def _select(sockets, remain):
        return select_func(sockets, remain)[0]

    try:
        if started_callback:
            started_callback()
        while sniff_sockets:
            if timeout is not None:
                remain = stoptime - time.time()
                if remain <= 0:
                    break
            for s in _select(sniff_sockets, remain):
                try:
                    p = s.recv()
                except socket.error as ex:
                    log_runtime.warning("Socket %s failed with '%s' and thus will be ignored" % (s, ex))
                    del sniff_sockets[s]
                    continue
                except read_allowed_exceptions:
                    continue
                if p is None:
                    del sniff_sockets[s]
                    break
                if lfilter and not lfilter(p):
                    continue
                p.sniffed_on = sniff_sockets[s]
                c += 1
                # on_packet_received handles the prn/storage
                session.on_packet_received(p)
                if stop_filter and stop_filter(p):
                    sniff_sockets = []  # LEAK
                    break
                if 0 < count <= c:
                    sniff_sockets = []  # LEAK
                    break
    except KeyboardInterrupt:
        pass
    if opened_socket is None:
        for s in sniff_sockets:
            s.close()
    return session.toPacketList()
