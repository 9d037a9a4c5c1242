from flask import current_app, g


def get_app_local_store():
    """A dictionary local to the current flask application, shared among all threads."""
    return current_app.config.setdefault("_app_local_store", {})


def get_request_local_store():
    """A dictionary local to the current request."""
    if "_request_local_store" not in g:
        g._request_local_store = {}
    return g._request_local_store


def get_app_config_value(key, default=None):
    return current_app.config.get(key, default)
