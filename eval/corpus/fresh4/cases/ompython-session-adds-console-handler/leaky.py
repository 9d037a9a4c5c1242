from __future__ import annotations

import logging
import tempfile


class OMCSession:
    def __init__(self, readonly: bool = False) -> None:
        self.readonly = readonly
        self.omc_cache = {}

        self.logger = logging.getLogger("OMCSession")
        self.logger.setLevel(logging.DEBUG)
        # console handler with a higher log level
        self.logger_console_handler = logging.StreamHandler()
        self.logger_console_handler.setLevel(logging.INFO)
        self.logger_formatter = logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s")
        self.logger_console_handler.setFormatter(self.logger_formatter)
        self.logger.addHandler(self.logger_console_handler)  # LEAK

        self._temp_dir = tempfile.gettempdir()

    def ask(self, question: str, opt: str = "", parsed: bool = True):
        expression = f"{question}({opt})" if opt else question
        self.logger.debug("OMC ask: %s - parsed: %s", expression, parsed)
        if expression in self.omc_cache:
            return self.omc_cache[expression]
        result = self.send_expression(expression)
        self.omc_cache[expression] = result
        return result

    def send_expression(self, expression: str):
        raise NotImplementedError
