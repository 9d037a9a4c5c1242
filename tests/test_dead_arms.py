from __future__ import annotations

import libcst as cst

from leaklint.analysis.dead_arms import module_bool_constants


def constants(source: str) -> dict:
    return module_bool_constants(cst.parse_module(source))


def test_a_flag_assigned_once_is_a_constant() -> None:
    assert constants("_IS_SYNC = False\n") == {"_IS_SYNC": False}


def test_a_flag_set_by_a_module_level_try_is_not_a_constant() -> None:
    source = "HAS_LXML = False\ntry:\n    import lxml\n    HAS_LXML = True\nexcept ImportError:\n    pass\n"
    assert constants(source) == {}


def test_a_lazy_init_flag_set_through_global_is_not_a_constant() -> None:
    source = "_done = False\nDEBUG = True\n\n\ndef init():\n    global _done\n    _done = True\n"
    assert constants(source) == {"DEBUG": True}


def test_a_class_attribute_of_the_same_name_does_not_count() -> None:
    source = "FLAG = True\n\n\nclass C:\n    FLAG = False\n"
    assert constants(source) == {"FLAG": True}
