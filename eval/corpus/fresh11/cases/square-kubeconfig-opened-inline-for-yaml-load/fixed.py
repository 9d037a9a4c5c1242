import logging
from pathlib import Path
from typing import Tuple

import yaml

logit = logging.getLogger("square")


def load_kubeconfig(kubeconf_path: Path, context: str | None) -> Tuple[str, dict, dict, bool]:
    """Return the user name plus the user and cluster information."""
    # Load `kubeconfig`.
    try:
        kubeconf = yaml.safe_load(kubeconf_path.read_text())
    except (IOError, PermissionError) as err:
        logit.error(f"{err}")
        return ("", {}, {}, True)

    try:
        ctx = context if context else kubeconf["current-context"]
        ctx = [_ for _ in kubeconf["contexts"] if _["name"] == ctx][0]["context"]
        clustername, username = ctx["cluster"], ctx["user"]
        user_info = [_ for _ in kubeconf["users"] if _["name"] == username][0]["user"]
        cluster_info = [_ for _ in kubeconf["clusters"] if _["name"] == clustername][0]["cluster"]
    except (KeyError, TypeError, IndexError):
        logit.error(f"Kubeconfig YAML file <{kubeconf_path}> is invalid")
        return ("", {}, {}, True)

    return (username, dict(user_info), dict(cluster_info), False)


def load_minikube_config(kubeconf_path: Path, context: str | None):
    user, cluster, err = load_kubeconfig(kubeconf_path, context)[1:]
    if err:
        return (None, True)
    return ((cluster["server"], user.get("client-certificate")), False)


def load_kind_config(kubeconf_path: Path, context: str | None):
    _, user, cluster, err = load_kubeconfig(kubeconf_path, context)
    if err:
        return (None, True)
    return ((cluster["server"], user.get("client-key-data")), False)
