from __future__ import annotations

import os
from typing import Callable, Dict, Optional

from werkzeug.utils import send_from_directory


class Scaffold:
    """Common behaviour of Flask applications and blueprints."""

    def __init__(self, import_name: str, static_folder: Optional[str] = "static",
                 static_url_path: Optional[str] = None, root_path: Optional[str] = None) -> None:
        self.import_name = import_name
        self.root_path = root_path or os.getcwd()
        self.static_folder = static_folder
        self.static_url_path = static_url_path or "/static"
        # endpoint name -> view function
        self.view_functions: Dict[str, Callable] = {}

    @property
    def has_static_folder(self) -> bool:
        return self.static_folder is not None

    def get_send_file_max_age(self, filename: str) -> Optional[int]:
        return None

    def send_static_file(self, filename: str):
        if not self.has_static_folder:
            raise RuntimeError("No static folder for this object")
        max_age = self.get_send_file_max_age(filename)
        return send_from_directory(os.path.join(self.root_path, self.static_folder), filename,
                                   environ={}, max_age=max_age)

    def add_url_rule(self, rule: str, endpoint: Optional[str] = None, view_func: Optional[Callable] = None,
                     **options) -> None:
        raise NotImplementedError
