from __future__ import annotations

import time
from contextlib import suppress as ignored
from typing import Dict, Optional

import paramiko

CLIENT_CACHE: Dict[str, paramiko.SSHClient] = {}


class IpaSSHException(Exception):
    pass


def clear_cache(ip: Optional[str] = None) -> None:
    """Clear the client cache or remove the client of the given ip."""
    if ip:
        with ignored(KeyError):
            del CLIENT_CACHE[ip]  # LEAK
    else:
        CLIENT_CACHE.clear()  # LEAK


def establish_ssh_connection(ip: str, ssh_private_key: str, ssh_user: str, port: int, attempts: int = 5, timeout=None):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    while attempts:
        try:
            client.connect(ip, port=port, username=ssh_user, key_filename=ssh_private_key, timeout=timeout)
        except Exception:
            attempts -= 1
            time.sleep(10)
        else:
            return client
    raise IpaSSHException("Failed to establish SSH connection to instance.")


def execute_ssh_command(client: paramiko.SSHClient, cmd: str) -> str:
    stdin, stdout, stderr = client.exec_command(cmd)
    err = stderr.read()
    if err:
        raise IpaSSHException(err.decode())
    return stdout.read().decode()


def get_ssh_client(ip: str, ssh_private_key: str, ssh_user: str = "root", port: int = 22, attempts: int = 3, timeout: int = 10):
    """Attempt to establish and test an ssh connection, reusing the cached one."""
    if ip in CLIENT_CACHE:
        return CLIENT_CACHE[ip]

    client = None
    while attempts:
        try:
            client = establish_ssh_connection(ip, ssh_private_key, ssh_user, port, timeout=timeout)
            execute_ssh_command(client, "ls")
        except Exception:
            if client:
                client.close()
            attempts -= 1
            timeout += timeout
        else:
            CLIENT_CACHE[ip] = client
            return client
    raise IpaSSHException("Attempt to establish SSH connection failed.")
