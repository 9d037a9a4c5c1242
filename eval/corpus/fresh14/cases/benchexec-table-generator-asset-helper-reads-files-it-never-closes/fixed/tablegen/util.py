from typing import Any, Dict, List


def prepare_run_sets_for_js(run_sets: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [{"tool": rs.get("tool"), "columns": rs.get("columns", [])} for rs in run_sets]


def prepare_rows_for_js(rows: List[List[Any]]) -> List[Dict[str, Any]]:
    return [{"id": row[0], "results": row[1:]} for row in rows]
