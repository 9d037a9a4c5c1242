from __future__ import annotations

import socket

import paramiko


class SshSessionSock:
    def __init__(self, sock, transport, channel) -> None:
        self.sock = sock
        self.transport = transport
        self.channel = channel

    def sendall(self, data: bytes) -> None:
        self.channel.sendall(data)

    def recv(self, bufsize: int) -> bytes:
        return self.channel.recv(bufsize)

    def close(self) -> None:
        self.channel.close()
        self.transport.close()
        self.sock.close()


class Session:
    def __init__(self, sock: SshSessionSock) -> None:
        self.sock = sock

    def close(self) -> None:
        self.sock.close()


def _try_load_pkey(path: str):
    for cls in (paramiko.RSAKey, paramiko.ECDSAKey, paramiko.Ed25519Key):
        try:
            return cls.from_private_key_file(path)
        except paramiko.SSHException:
            continue
    return None


def connect_ssh(host=None, port=830, username="netconf", password=None, key_filename=None, sock=None,
                timeout=120):
    if not sock:
        sock = socket.socket()
        sock.settimeout(timeout)
        sock.connect((host, port))
    transport = paramiko.transport.Transport(sock)
    pkey = _try_load_pkey(key_filename) if key_filename else None
    transport.connect(username=username, password=password, pkey=pkey)
    try:
        channel = transport.open_session()
    except Exception:
        transport.close()
        raise
    try:
        channel.invoke_subsystem("netconf")
    except Exception:
        channel.close()
        transport.close()
        raise
    bundle = SshSessionSock(sock, transport, channel)
    return Session(bundle)
