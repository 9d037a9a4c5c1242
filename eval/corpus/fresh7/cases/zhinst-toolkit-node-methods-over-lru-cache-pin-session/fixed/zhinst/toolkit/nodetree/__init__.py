from .node import Node, NodeInfo
from .nodetree import NodeTree
