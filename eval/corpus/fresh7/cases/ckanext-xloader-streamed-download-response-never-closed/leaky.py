from __future__ import annotations

import hashlib
import tempfile
import time

import requests

DOWNLOAD_TIMEOUT = 30
MAX_CONTENT_LENGTH = 1_000_000_000
MAX_EXCERPT_LINES = 0
CHUNK_SIZE = 16 * 1024


class DataTooBigError(Exception):
    pass


class JobError(Exception):
    pass


def get_tmp_file(url: str):
    return tempfile.NamedTemporaryFile(suffix=url.split("/")[-1])


def get_response(url: str, headers: dict):
    def get_url():
        return requests.get(url, headers=headers, timeout=DOWNLOAD_TIMEOUT, stream=True)  # LEAK

    response = get_url()
    wait = 1
    while wait < 120 and response.status_code == 202:
        time.sleep(wait)
        response = get_url()
        wait *= 3
    response.raise_for_status()
    return response


def _download_resource_data(resource: dict, data: dict, api_key: str, logger):
    url = resource.get("url")
    tmp_file = get_tmp_file(url)
    length = 0
    m = hashlib.md5()
    cl = None
    headers = {}
    try:
        if resource.get("url_type") == "upload":
            headers["Authorization"] = api_key
        response = get_response(url, headers)  # LEAK

        cl = response.headers.get("content-length")
        if cl and int(cl) > MAX_CONTENT_LENGTH:
            raise DataTooBigError()

        for chunk in response.iter_content(CHUNK_SIZE):
            length += len(chunk)
            if length > MAX_CONTENT_LENGTH:
                raise DataTooBigError
            tmp_file.write(chunk)
            m.update(chunk)
        data["datastore_contains_all_records_of_source_file"] = True
    except DataTooBigError:
        tmp_file.close()
        message = f"Data too large to load into Datastore: {cl or length} bytes > max {MAX_CONTENT_LENGTH} bytes."
        logger.warning(message)
        if MAX_EXCERPT_LINES <= 0:
            raise JobError(message)
        tmp_file = get_tmp_file(url)
        response = get_response(url, headers)  # LEAK
        length = 0
        line_count = 0
        m = hashlib.md5()
        for line in response.iter_lines(CHUNK_SIZE):
            tmp_file.write(line + b"\n")
            m.update(line)
            length += len(line)
            line_count += 1
            if length > MAX_CONTENT_LENGTH or line_count >= MAX_EXCERPT_LINES:
                break
        data["datastore_contains_all_records_of_source_file"] = False
    except requests.exceptions.Timeout:
        logger.warning("URL time out after %ss", DOWNLOAD_TIMEOUT)
        raise JobError(f"Connection timed out after {DOWNLOAD_TIMEOUT}s")

    tmp_file.seek(0)
    return tmp_file, m.hexdigest()
