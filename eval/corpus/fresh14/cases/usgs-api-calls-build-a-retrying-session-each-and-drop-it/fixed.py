import json
import os
from datetime import datetime
from typing import Any, Dict, List, Optional

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

API_ROOT = "https://m2m.example.gov/api/api/json/stable"
TMPFILE = os.path.join(os.path.expanduser("~"), ".landsat-api")
VERSION = "0.3"


class ApiError(Exception):
    pass


def _get_api_key(api_key: Optional[str]) -> Optional[str]:
    if api_key is None and os.path.exists(TMPFILE):
        with open(TMPFILE) as f:
            api_key = json.load(f)["apiKey"]
    return api_key


def _check_for_error(data: Dict[str, Any]) -> None:
    if data["errorCode"] is not None:
        raise ApiError("%s: %s" % (data["errorCode"], data["errorMessage"]))


def _create_session(api_key: Optional[str]) -> requests.Session:
    api_key = _get_api_key(api_key)
    headers = {"User-Agent": "Python landsat-api v%s" % VERSION}
    if api_key:
        headers["X-Auth-Token"] = api_key
    session = requests.Session()
    session.headers.update(headers)
    session.mount(API_ROOT, HTTPAdapter(max_retries=Retry(total=5, backoff_factor=2)))
    return session


def dataset_filters(dataset: str, api_key: Optional[str] = None) -> Dict[str, Any]:
    api_key = _get_api_key(api_key)
    with _create_session(api_key) as session:
        r = session.post("%s/dataset-filters" % API_ROOT, json.dumps({"datasetName": dataset}))
    response = r.json()
    _check_for_error(response)
    return response


def download_options(dataset: str, entity_ids: List[str], api_key: Optional[str] = None) -> Dict[str, Any]:
    api_key = _get_api_key(api_key)
    with _create_session(api_key) as session:
        payload = json.dumps({"datasetName": dataset, "entityIds": entity_ids})
        r = session.post("%s/download-options" % API_ROOT, payload)
    response = r.json()
    _check_for_error(response)
    return response


def login(username: str, password: str, save: bool = True) -> Dict[str, Any]:
    with _create_session(api_key=None) as session:
        created = datetime.now().isoformat()
        r = session.post("%s/login" % API_ROOT, json.dumps({"username": username, "password": password}))
    response = r.json()
    _check_for_error(response)
    if save:
        with open(TMPFILE, "w") as f:
            json.dump({"apiKey": response["data"], "created": created}, f)
    return response
