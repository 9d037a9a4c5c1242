from __future__ import annotations

_host_callbacks: list = []  # LEAK


def register_host_callback(fn) -> int:
    _host_callbacks.append(fn)  # LEAK
    return len(_host_callbacks) - 1


def full_data_mapper(data_loader, batch_size: int):
    def fetch(chain_id: int):  # LEAK
        return data_loader.get_batches(chain_id, batch_size)

    token = register_host_callback(fetch)  # LEAK

    def map_fn(fun, init):
        return fun(_host_callbacks[token](0), init)

    return map_fn
