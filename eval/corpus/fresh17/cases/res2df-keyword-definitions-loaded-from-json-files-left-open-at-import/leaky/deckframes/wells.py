from typing import Any, Dict, List

from .keywords import KEYWORD_SPECS


def record_to_row(keyword: str, record: List[Any]) -> Dict[str, Any]:
    spec = KEYWORD_SPECS[keyword]
    names = [item["name"] for item in spec["items"]]
    row = {}
    for name, value in zip(names, record):
        row[name] = value
    return row


def well_rows(deck: Dict[str, List[List[Any]]]) -> List[Dict[str, Any]]:
    return [record_to_row("WELSPECS", rec) for rec in deck.get("WELSPECS", [])]
