import logging
import os
from types import SimpleNamespace
from typing import Any, Dict, List

from . import util as Util

REACT_FILE_NAME = os.path.join(os.path.dirname(__file__), "react-table", "build", "main.min.{format}")
TEMPLATE_NAME_REACT = "react"


def create_tables(run_sets: List[Dict[str, Any]], rows: List[List[Any]], template_name: str,
                  output_path: str) -> SimpleNamespace:
    template_values = SimpleNamespace()
    template_values.base_dir = output_path
    if template_name == TEMPLATE_NAME_REACT:
        logging.info("Create react template...")
        template_values.tools = Util.prepare_run_sets_for_js(run_sets)
        template_values.rows = Util.prepare_rows_for_js(rows)
        template_values.app_css = Util.read_frontend_asset(REACT_FILE_NAME, "css")
        template_values.app_js = Util.read_frontend_asset(REACT_FILE_NAME, "js")
    return template_values
