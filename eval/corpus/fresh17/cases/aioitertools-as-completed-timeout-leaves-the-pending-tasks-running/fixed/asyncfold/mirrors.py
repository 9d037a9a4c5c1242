import asyncio
from typing import Any, Callable, Awaitable, List

from .streams import finished_first


async def first_answers(urls: List[str], fetch: Callable[[str], Awaitable[Any]], deadline: float) -> List[Any]:
    answers: List[Any] = []
    try:
        async for answer in finished_first([fetch(url) for url in urls], timeout=deadline):
            answers.append(answer)
    except asyncio.TimeoutError:
        pass
    return answers
