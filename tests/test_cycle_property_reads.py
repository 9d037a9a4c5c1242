"""``self.name`` read through a property is the property's value, not a bound method: handing it
to an object ``self`` keeps makes no cycle through ``self``, and ``WeakMethod`` of it would raise
``TypeError``. A real bound method handed the same way still is one."""

from __future__ import annotations

import pytest

from conftest import findings_by_line

PROPERTY_HANDED_ON = '''\
class Forest:
    def __init__(self, source):
        self._source = source


class Submission:
    pass


class Comment:
    def __init__(self):
        self._submission = Submission()
        self.replies = Forest(self.submission)

    @{decorator}
    def submission(self):
        return self._submission
'''

BOUND_METHOD_HANDED_ON = PROPERTY_HANDED_ON.replace("    @{decorator}\n", "")


@pytest.mark.parametrize("decorator", ["property", "functools.cached_property", "cached_property"])
def test_a_property_value_handed_on_is_not_a_bound_method(decorator: str) -> None:
    source = ("import functools\nfrom functools import cached_property\n\n" +
              PROPERTY_HANDED_ON.replace("{decorator}", decorator))
    assert findings_by_line(source, "LKL101", "strict") == {}


def test_a_bound_method_handed_on_is_still_a_cycle() -> None:
    found = findings_by_line(BOUND_METHOD_HANDED_ON, "LKL101", "strict")
    assert list(found) == [13]
    assert "WeakMethod(self.submission)" in found[13].suggestion
