from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Callable, Iterable, List, Optional

from .request import PendingRequest

get = partial(PendingRequest, "GET")
post = partial(PendingRequest, "POST")


def fan_out(
    requests: Iterable[PendingRequest],
    size: int = 4,
    on_error: Optional[Callable[[PendingRequest, Optional[BaseException]], Any]] = None,
) -> List[Any]:
    batch = list(requests)
    with ThreadPoolExecutor(max_workers=size) as pool:
        list(pool.map(lambda r: r.send(), batch))
    results: List[Any] = []
    for item in batch:
        if item.response is not None:
            results.append(item.response)
        elif on_error is not None:
            results.append(on_error(item, item.exception))
        else:
            results.append(None)
    return results
