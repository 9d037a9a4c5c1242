"""Resources across the class hierarchy: the MRO questions the resource rules' project pass asks."""

from __future__ import annotations

from leaklint.analysis.inherited import Hierarchy, method_factory
from leaklint.config import Settings
from leaklint.runner import lint_paths

from conftest import FIXTURES

INHERIT = FIXTURES / "LKL302" / "inherit"


def _hierarchy() -> Hierarchy:
    classes = {
        # name: [bases, released attributes, methods, opaque]
        "pkg.base.Closing": [[], ["sock"], ["close"], False],
        "pkg.base.Plain": [[], [], ["describe"], False],
        "pkg.mid.Middle": [["pkg.Closing"], [], ["ping"], False],  # through the package's re-export
        "pkg.dyn.Dynamic": [[], [], ["close"], True],
        "pkg.ext.Threaded": [["threading.Thread"], [], ["run"], False],
        "pkg.t.Transport": [[], [], ["_connect", "close"], False],
        "pkg.t.Override": [["pkg.t.Transport"], [], ["_connect"], False],
        "pkg.t.User": [["pkg.t.Override"], [], ["go"], False],
    }
    return Hierarchy(classes, {"pkg.Closing": "pkg.base.Closing"})


def test_bases_release_through_the_mro_and_re_exports() -> None:
    hierarchy = _hierarchy()
    assert hierarchy.mro("pkg.mid.Middle") == ("pkg.mid.Middle", "pkg.base.Closing")
    assert hierarchy.bases_release("pkg.mid.Middle", "sock") is True
    assert hierarchy.bases_release("pkg.mid.Middle", "db") is False


def test_unknown_when_a_base_is_outside_the_project_or_opaque() -> None:
    hierarchy = _hierarchy()
    hierarchy.classes["pkg.c.Sub"] = [["pkg.ext.Threaded"], [], [], False]  # type: ignore[index]
    assert hierarchy.bases_release("pkg.c.Sub", "sock") is None
    hierarchy.classes["pkg.c.ByName"] = [["pkg.dyn.Dynamic"], [], [], False]  # type: ignore[index]
    assert hierarchy.bases_release("pkg.c.ByName", "anything") is True
    assert hierarchy.bases_release("pkg.nowhere.Class", "sock") is None


def test_subclasses_anywhere_release_what_the_base_opened() -> None:
    hierarchy = _hierarchy()
    assert hierarchy.subclasses_release("pkg.base.Closing", "sock") is False
    hierarchy.classes["pkg.c.Closer"] = [["pkg.base.Plain"], ["sock"], ["close"], False]  # type: ignore[index]
    hierarchy._subclasses = None
    assert hierarchy.subclasses_release("pkg.base.Plain", "sock") is True


def test_method_lookup_stops_at_the_first_definition() -> None:
    hierarchy = _hierarchy()
    made = {"pkg.t.Transport._connect": {"with_closes": True, "inner": "socket.socket()", "line": 3}}
    assert hierarchy.defining_class("pkg.t.User", "close") == "pkg.t.Transport"
    # Override redefines _connect (not a factory): the base's factory is not what User calls.
    assert method_factory(hierarchy, "pkg.t.User._connect", made) is None
    assert method_factory(hierarchy, "pkg.t.Override.close", made) is None
    hierarchy.classes["pkg.t.Direct"] = [["pkg.t.Transport"], [], [], False]  # type: ignore[index]
    assert method_factory(hierarchy, "pkg.t.Direct._connect", made) == made["pkg.t.Transport._connect"]


def test_the_fixture_package_alone_and_one_file_at_a_time() -> None:
    report = lint_paths([str(INHERIT)], Settings(root=str(INHERIT.parent)))
    found = {(f.path.rsplit("/", 1)[-1], f.line) for f in report.findings if f.code == "LKL302"}
    assert ("clients.py", 24) in found and ("users.py", 8) in found
    assert not any(name == "clients.py" and line in (12, 17, 33, 38, 43, 48) for name, line in found)
    # One file without its bases (flake8's view): the subclasses' findings need the base module.
    alone = lint_paths([str(INHERIT / "clients.py")], Settings(root=str(INHERIT.parent)))
    assert not [f for f in alone.findings if f.code == "LKL302"]


def test_a_base_releasing_through_a_property_may_release_any_attribute() -> None:
    hierarchy = _hierarchy()
    hierarchy.classes["pkg.p.Base"] = [[], ["@connection", "connection"], ["connection", "close"], False]  # type: ignore[index]
    hierarchy.classes["pkg.p.Sub"] = [["pkg.p.Base"], [], ["__init__"], False]  # type: ignore[index]
    assert hierarchy.bases_release("pkg.p.Sub", "_conn") is True
    # Handed on (not released by a release method): says nothing about other attributes.
    hierarchy.classes["pkg.p.Base"] = [[], ["connection"], ["connection", "close"], False]  # type: ignore[index]
    hierarchy._mro.clear()
    assert hierarchy.bases_release("pkg.p.Sub", "_conn") is False
    assert hierarchy.bases_release("pkg.mid.Middle", "_conn") is False


def test_base_names_in_messages_stay_apart_and_short() -> None:
    from leaklint.analysis.inherited import _shown

    assert _shown(["a.virtual.Transport", "a.base.Transport"]) == ["virtual.Transport", "base.Transport"]
    assert _shown(["m.A", "m.B", "m.C", "m.D"]) == ["A", "B", "C", "..."]
    assert _shown(["k.virtual.base.Transport", "k.base.Transport"]) == ["virtual.base.Transport", "k.base.Transport"]
