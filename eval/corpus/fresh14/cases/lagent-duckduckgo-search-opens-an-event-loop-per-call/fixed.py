import asyncio
import json
import logging
import random
import time
import warnings
from typing import Any, Dict, List, Optional, Tuple

from duckduckgo_search import DDGS


class BaseSearch:
    def __init__(self, topk: int = 3, black_list: Optional[List[str]] = None) -> None:
        self.topk = topk
        self.black_list = black_list or []

    def _filter_results(self, results: List[Tuple[str, str, str]]) -> Dict[int, Dict[str, str]]:
        filtered: Dict[int, Dict[str, str]] = {}
        for url, snippet, title in results:
            if any(domain in url for domain in self.black_list) or url.endswith(".pdf"):
                continue
            filtered[len(filtered)] = {
                "url": url,
                "summ": json.dumps(snippet, ensure_ascii=False)[1:-1],
                "title": title,
            }
            if len(filtered) >= self.topk:
                break
        return filtered


class DuckDuckGoSearch(BaseSearch):
    def __init__(self, topk: int = 3, black_list: Optional[List[str]] = None, **kwargs: Any) -> None:
        self.proxy = kwargs.get("proxy")
        self.timeout = kwargs.get("timeout", 10)
        super().__init__(topk, black_list or ["youtube.com", "bilibili.com"])

    def search(self, query: str, max_retry: int = 3) -> Dict[int, Dict[str, str]]:
        for attempt in range(max_retry):
            try:
                response = self._call_ddgs(query, timeout=self.timeout, proxy=self.proxy)
                return self._parse_response(response)
            except Exception as e:
                logging.exception(str(e))
                warnings.warn("retry %d/%d after error: %s" % (attempt + 1, max_retry, e))
                time.sleep(random.randint(2, 5))
        raise RuntimeError("no search results from DuckDuckGo after retries")

    def _call_ddgs(self, query: str, **kwargs: Any) -> List[Dict[str, str]]:
        loop = asyncio.new_event_loop()
        try:
            asyncio.set_event_loop(loop)
            ddgs = DDGS(**kwargs)
            response = ddgs.text(query.strip("'"), max_results=10)
            return response
        finally:
            loop.close()

    def _parse_response(self, response: List[Dict[str, str]]) -> Dict[int, Dict[str, str]]:
        raw = [(item["href"], item.get("description", item.get("body", "")), item["title"])
               for item in response]
        return self._filter_results(raw)
