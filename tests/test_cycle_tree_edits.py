"""Taking one child out of a tree (`remove(child)`, `self._children.pop(index)`) edits the tree;
it does not break the cycles of a subtree dropped whole, or of the root (pygfx's WorldObject,
silx's Hdf5Node). Between two different classes (a connection and its pending responses) taking
the entry out when done still counts as the code breaking the cycle."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

SCENE_TREE = '''\
class WorldObject:
    def __init__(self):
        self._parent = None
        self._children = []

    def add(self, *objects):
        for obj in objects:
            obj._parent = self
            self._children.append(obj)

    def remove(self, *objects):
        for obj in objects:
            self._children.remove(obj)
            obj._parent = None
'''

SCENE_TREE_WEAK = SCENE_TREE.replace("            obj._parent = self\n", "            obj._parent = weakref.ref(self)\n").replace(
    "class WorldObject:", "import weakref\n\n\nclass WorldObject:", 1)

NODE_TREE = '''\
class Node:
    def __init__(self, obj, parent=None):
        self._obj = obj
        self._parent = parent
        self._children = []

    def append_child(self, child):
        self._children.append(child)

    def remove_child_at(self, index):
        return self._children.pop(index)

    def populate(self):
        for name, obj in self._obj.items():
            self.append_child(Node(obj, parent=self))
'''

PENDING_RESPONSES = '''\
class Response:
    def __init__(self, connection):
        self.connection = connection


class Connection:
    def __init__(self):
        self.pending = {}

    def send(self, key):
        self.pending[key] = Response(self)

    def on_reply(self, key):
        self.pending.pop(key)
'''


def test_removing_one_child_does_not_break_a_tree() -> None:
    found = findings_by_line(SCENE_TREE, "LKL101", "strict")
    assert list(found) == [9]
    assert "breaks it itself" not in found[9].message
    assert findings_by_line(SCENE_TREE_WEAK, "LKL101", "strict") == {}


def test_tree_built_through_calls_with_pop_by_index_is_reported() -> None:
    found = findings_by_line(NODE_TREE, "LKL101", "strict")
    assert list(found) == [15]
    assert found[15].confidence is Confidence.LOW  # plain nodes: strict profile only


def test_pending_table_popped_when_done_still_counts_as_broken() -> None:
    found = findings_by_line(PENDING_RESPONSES, "LKL101", "strict")
    assert found
    assert all(f.confidence is Confidence.LOW for f in found.values())
    assert all("breaks it itself" in f.message for f in found.values())
