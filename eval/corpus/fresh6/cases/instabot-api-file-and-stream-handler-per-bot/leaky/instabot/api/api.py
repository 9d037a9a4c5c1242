from __future__ import annotations

import logging
import os

version = "0.117.0"


class API:
    def __init__(self, base_path: str = "config/", save_logfile: bool = True, log_filename: str | None = None,
                 loglevel_file: int = logging.DEBUG, loglevel_stream: int = logging.INFO) -> None:
        self.base_path = base_path
        self.total_requests = 0
        self.logger = logging.getLogger("instabot version: " + version)

        os.makedirs(os.path.join(base_path, "log"), exist_ok=True)

        if save_logfile is True:
            if log_filename is None:
                log_filename = os.path.join(base_path, "log/instabot_{}.log".format(id(self)))
            fh = logging.FileHandler(filename=log_filename)
            fh.setLevel(loglevel_file)
            fh.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s"))
            self.logger.addHandler(fh)  # LEAK

        ch = logging.StreamHandler()
        ch.setLevel(loglevel_stream)
        ch.setFormatter(logging.Formatter("%(asctime)s - %(levelname)s - %(message)s"))
        self.logger.addHandler(ch)  # LEAK
        self.logger.setLevel(logging.DEBUG)

    def send_request(self, endpoint: str) -> bool:
        self.total_requests += 1
        self.logger.debug("request %s", endpoint)
        return True
