import logging

from edumfa.lib.framework import get_app_local_store, get_request_local_store

log = logging.getLogger(__name__)


def register_finalizer(func):
    """Register func to be called when a request ends."""
    store = get_app_local_store()
    if "call_on_teardown" not in store:
        store["call_on_teardown"] = []
    store["call_on_teardown"].append(func)


def register_request_finalizer(func):
    """Register func to be called after the current request has ended."""
    store = get_request_local_store()
    if "call_on_teardown" not in store:
        store["call_on_teardown"] = []
    store["call_on_teardown"].append(func)


def call_finalizers():
    """Call all finalizers; exceptions are logged."""
    stores = [get_app_local_store(), get_request_local_store()]
    for store in stores:
        for func in store.get("call_on_teardown", []):
            try:
                func()
            except Exception as exx:
                log.warning("Caught exception in finalizer: {!r}".format(exx))
