"""Reference cycles: a tree whose nodes point back at their parent, and a finalizer in a cycle."""


class Tree:
    def __init__(self):
        self.children = []

    def add(self, name):
        node = Node(self, name)
        self.children.append(node)
        return node


class Node:
    def __init__(self, tree: Tree, name: str):
        self.tree = tree
        self.name = name

    def __del__(self):
        print(f"freeing {self.name}")
