import logging
import subprocess
import traceback
from typing import Any, Optional, Union

from lxml import etree


class FitImporter:
    def __init__(self, data_path: str) -> None:
        self.data_path = data_path
        self.document: Optional[Any] = None

    def to_tcx(self, filename: str) -> Union[bytes, bool]:
        result: Union[bytes, bool] = False
        try:
            result = subprocess.check_output(
                ["perl", self.data_path + "plugins/fit/bin/fit2tcx", filename]
            )
        except subprocess.CalledProcessError:
            logging.exception("fit2tcx failed")
        return result

    def test_file(self, filename: str) -> bool:
        try:
            document = etree.fromstring(self.to_tcx(filename))
        except Exception:
            logging.debug("traceback: %s", traceback.format_exc())
            return False
        self.document = document
        return True
