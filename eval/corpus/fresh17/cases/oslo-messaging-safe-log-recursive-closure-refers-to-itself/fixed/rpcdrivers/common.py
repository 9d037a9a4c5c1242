import copy
from typing import Any, Callable, Dict

_SANITIZE = ["_context_auth_token", "auth_token", "new_pass"]


def _fix_passwords(d: Dict[str, Any]) -> Dict[str, Any]:
    """Mask the password and token fields of a dict, recursively."""
    for k in d:
        if "password" in k.lower():
            d[k] = "<SANITIZED>"
        elif k.lower() in _SANITIZE:
            d[k] = "<SANITIZED>"
        elif isinstance(d[k], dict):
            _fix_passwords(d[k])
    return d


def safe_log(log_func: Callable[..., None], msg: str, msg_data: Dict[str, Any]) -> None:
    """Log msg_data with password and token fields masked."""
    log_func(msg, _fix_passwords(copy.deepcopy(msg_data)))
