from __future__ import annotations

from redis.exceptions import ConnectionError, RedisClusterException


def get_connection(redis_node, *args, **options):
    return redis_node.connection or redis_node.connection_pool.get_connection(args[0], **options)


class NodeCommands:
    def __init__(self, parse_response, connection_pool, connection) -> None:
        self.parse_response = parse_response
        self.connection_pool = connection_pool
        self.connection = connection
        self.commands: list = []

    def append(self, c) -> None:
        self.commands.append(c)

    def write(self) -> None:
        self.connection.send_packed_command(
            self.connection.pack_commands([c.args for c in self.commands]))

    def read(self) -> None:
        for c in self.commands:
            c.result = self.parse_response(self.connection, c.args[0], **c.options)


class ClusterPipeline:
    def __init__(self, nodes_manager, cluster) -> None:
        self.nodes_manager = nodes_manager
        self.cluster = cluster

    def _send_cluster_commands(self, stack, raise_on_error: bool = True):
        attempt = sorted(stack, key=lambda x: x.position)
        nodes: dict = {}
        for c in attempt:
            target_nodes = self.cluster._determine_nodes(*c.args)
            if len(target_nodes) != 1:
                raise RedisClusterException(f"Too many targets for command {c.args}")
            node = target_nodes[0]
            if node.name not in nodes:
                redis_node = self.cluster.get_redis_connection(node)
                try:
                    connection = get_connection(redis_node, c.args)  # LEAK
                except ConnectionError:
                    # Retries are handled by the node's Retry object; refresh the slot table.
                    self.nodes_manager.initialize()
                    raise
                nodes[node.name] = NodeCommands(redis_node.parse_response, redis_node.connection_pool,
                                                connection)
            nodes[node.name].append(c)

        try:
            node_commands = nodes.values()
            for n in node_commands:
                n.write()
            for n in node_commands:
                n.read()
        finally:
            for n in nodes.values():
                n.connection_pool.release(n.connection)

        return [c.result for c in attempt]
