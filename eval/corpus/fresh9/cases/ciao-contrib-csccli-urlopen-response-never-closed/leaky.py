from __future__ import annotations

import subprocess
from urllib.parse import urlencode
from urllib.request import Request, urlopen


def verb5(msg: str) -> None:
    print(msg)


def make_CURL_request(resource: str, vals: dict) -> bytes:
    params = urlencode(vals)
    return subprocess.run(["curl", "--silent", "--data", params, resource], check=True, capture_output=True).stdout


def make_URL_request(resource: str, vals: dict) -> bytes:
    """Query and retrieve results from resource using the vals dictionary."""
    verb5("Querying resource " + resource)
    params = urlencode(vals)
    request = Request(resource, params.encode("ascii"))
    request.add_header("User-Agent", "ciao_contrib.cda.csccli/1.1")

    try:
        response = urlopen(request)  # LEAK
        page = response.read()

        verb5("URL Code: {0}".format(response.getcode()))
        if response.getcode() != 200:
            # on a redirect (30x) fall through to curl too
            raise Exception(page)

    except Exception:
        page = make_CURL_request(resource, vals)

    if len(page) == 0:
        raise Exception("Problem accessing resource {0}".format(resource))
    return page
