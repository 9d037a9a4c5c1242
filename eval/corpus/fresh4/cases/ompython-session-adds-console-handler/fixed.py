from __future__ import annotations

import logging
import tempfile

# configured once, at import: sessions share the logger and its one handler
logger = logging.getLogger("OMCSession")
logger.setLevel(logging.DEBUG)
logger_console_handler = logging.StreamHandler()
logger_console_handler.setLevel(logging.INFO)
logger_formatter = logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s")
logger_console_handler.setFormatter(logger_formatter)
logger.addHandler(logger_console_handler)


class OMCSession:
    def __init__(self, readonly: bool = False) -> None:
        self.readonly = readonly
        self.omc_cache = {}
        self._temp_dir = tempfile.gettempdir()

    def ask(self, question: str, opt: str = "", parsed: bool = True):
        expression = f"{question}({opt})" if opt else question
        logger.debug("OMC ask: %s - parsed: %s", expression, parsed)
        if expression in self.omc_cache:
            return self.omc_cache[expression]
        result = self.send_expression(expression)
        self.omc_cache[expression] = result
        return result

    def send_expression(self, expression: str):
        raise NotImplementedError
