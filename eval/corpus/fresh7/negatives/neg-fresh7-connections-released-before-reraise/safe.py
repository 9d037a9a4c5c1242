from __future__ import annotations


def send_grouped(commands_by_node: dict, pools: dict) -> dict:
    taken: dict = {}
    try:
        for node, commands in commands_by_node.items():
            taken[node] = pools[node].get_connection()
        results = {}
        for node, commands in commands_by_node.items():
            connection = taken[node]
            connection.send(commands)
            results[node] = connection.read()
        return results
    finally:
        for node, connection in taken.items():
            pools[node].release(connection)
