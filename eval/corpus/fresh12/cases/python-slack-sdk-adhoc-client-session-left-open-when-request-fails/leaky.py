import logging

import aiohttp


class BaseClient:
    def __init__(self, token=None, timeout: int = 30, session=None) -> None:
        self.token = token
        self.timeout = timeout
        self.session = session
        self._logger = logging.getLogger(__name__)

    async def _request(self, *, http_verb: str, api_url: str, req_args: dict) -> dict:
        session = None
        use_running_session = self.session and not self.session.closed
        if use_running_session:
            session = self.session
        else:
            session = aiohttp.ClientSession(  # LEAK
                timeout=aiohttp.ClientTimeout(total=self.timeout), auth=req_args.pop("auth", None))

        response = None
        async with session.request(http_verb, api_url, **req_args) as res:
            data = {}
            try:
                data = await res.json()
            except aiohttp.ContentTypeError:
                self._logger.debug(f"No response data returned from the following API call: {api_url}.")
            response = {"data": data, "headers": res.headers, "status_code": res.status}

        if not use_running_session:
            await session.close()
        return response
