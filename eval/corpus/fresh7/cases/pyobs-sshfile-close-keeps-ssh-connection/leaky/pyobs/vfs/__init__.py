from .file import VFSFile
from .sshfile import SSHFile

__all__ = ["VFSFile", "SSHFile"]
