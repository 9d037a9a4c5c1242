import copy
from typing import Any, Callable, Dict


def safe_log(log_func: Callable[..., None], msg: str, msg_data: Dict[str, Any]) -> None:
    """Log msg_data with password and token fields masked."""
    sanitize = ["_context_auth_token", "auth_token", "new_pass"]

    def _fix_passwords(d: Dict[str, Any]) -> Dict[str, Any]:  # LEAK
        for k in d:
            if "password" in k.lower():
                d[k] = "<SANITIZED>"
            elif k.lower() in sanitize:
                d[k] = "<SANITIZED>"
            elif isinstance(d[k], dict):
                _fix_passwords(d[k])
        return d

    log_func(msg, _fix_passwords(copy.deepcopy(msg_data)))
