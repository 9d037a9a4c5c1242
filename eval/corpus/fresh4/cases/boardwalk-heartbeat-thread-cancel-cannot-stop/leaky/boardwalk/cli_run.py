from __future__ import annotations

import click

from boardwalkd.protocol import WorkspaceClient


def bootstrap_with_server(workspace_name: str, boardwalkd_url: str, ctx: click.Context) -> None:
    boardwalkd_client = WorkspaceClient(boardwalkd_url, workspace_name)
    # Send heartbeats in background
    heartbeat_coroutine = boardwalkd_client.heartbeat_keepalive_connect()
    ctx.call_on_close(heartbeat_coroutine.cancel)  # LEAK
