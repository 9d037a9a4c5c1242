from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

log = logging.getLogger("elasticsearch_collectd")

ES_HOST = "localhost"
ES_PORT = 9200
ES_NODE_URL = "http://%s:%d/_nodes/_local/stats" % (ES_HOST, ES_PORT)
ES_CLUSTER_URL = "http://%s:%d/_cluster/health" % (ES_HOST, ES_PORT)
ES_CLUSTER = None


def fetch_url(url: str):
    try:
        result = json.load(urllib.request.urlopen(url, timeout=10))  # LEAK
    except urllib.error.URLError as e:
        log.error("elasticsearch plugin: Error connecting to %s - %r", url, e)
        return None
    return result


def fetch_stats(dispatch) -> None:
    """Fetch the node and cluster stats; called by collectd on every interval."""
    global ES_CLUSTER
    node_json_stats = fetch_url(ES_NODE_URL)
    if node_json_stats is None:
        return
    ES_CLUSTER = node_json_stats["cluster_name"]
    dispatch("node", node_json_stats)
    cluster_json_stats = fetch_url(ES_CLUSTER_URL)
    if cluster_json_stats is not None:
        dispatch("cluster", cluster_json_stats)
