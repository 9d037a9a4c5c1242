from __future__ import annotations

import logging

from ..api import API


class Bot:
    def __init__(self, base_path: str = "config/", save_logfile: bool = True, log_filename: str | None = None,
                 loglevel_file: int = logging.DEBUG, loglevel_stream: int = logging.INFO) -> None:
        self.api = API(
            base_path=base_path,
            save_logfile=save_logfile,
            log_filename=log_filename,
            loglevel_file=loglevel_file,
            loglevel_stream=loglevel_stream,
        )
        self.logger = self.api.logger

    def like(self, media_id: str) -> bool:
        self.logger.info("liking %s", media_id)
        return self.api.send_request("media/%s/like/" % media_id)
