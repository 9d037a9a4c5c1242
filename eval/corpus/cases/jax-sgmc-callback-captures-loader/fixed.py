from __future__ import annotations

_data_loaders: dict = {}


def _fetch(token: int, chain_id: int, batch_size: int):
    return _data_loaders[token].get_batches(chain_id, batch_size)


def full_data_mapper(data_loader, batch_size: int):
    token = len(_data_loaders)
    _data_loaders[token] = data_loader

    def map_fn(fun, init):
        return fun(_fetch(token, 0, batch_size), init)

    def cleanup() -> None:
        _data_loaders.pop(token, None)

    return map_fn, cleanup
