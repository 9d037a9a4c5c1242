import json
import logging
from typing import Any, List, Tuple

from openjarvis.mcp.client import MCPClient

logger = logging.getLogger(__name__)


def load_mcp_tools_from_config(servers_blob: Any, make_transport) -> Tuple[List[Any], List[MCPClient]]:
    server_list = json.loads(servers_blob) if isinstance(servers_blob, str) else servers_blob
    tools: List[Any] = []
    clients: List[MCPClient] = []
    for cfg in server_list:
        name = cfg.get("name", "<unnamed>")
        try:
            transport = make_transport(cfg)
            if transport is None:
                continue
            client = MCPClient(transport)
            try:
                client.initialize()
            except Exception:
                # not yet in `clients`, so nothing else would ever close it
                try:
                    client.close()
                except Exception as cleanup_exc:
                    logger.warning("Failed to close MCP client for '%s': %s", name, cleanup_exc)
                raise
            clients.append(client)
            discovered = client.list_tools()
            tools.extend(discovered)
            logger.info("Discovered %d MCP tools from server '%s'", len(discovered), name)
        except Exception as exc:  # per-server isolation
            logger.warning("Failed to discover MCP tools from '%s': %s", name, exc)
    return tools, clients
