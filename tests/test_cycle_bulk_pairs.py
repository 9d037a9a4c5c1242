"""Two objects that point at each other, one of them keeping an array its code makes, are
reported in the default selection (medium); otherwise they stay low.

Seen in menpo (`Image.features = ImageFeatures(self)`, the image keeping its `pixels`, the helper
imported through its package's `__init__`) and in the corpus's other image and array holders."""

from __future__ import annotations

from pathlib import Path

from leaklint.config import Settings, with_overrides
from leaklint.runner import lint_paths

FEATURES = """
class ImageFeatures(object):
    def __init__(self, image):
        self._image = image
"""

IMAGE = """
import numpy as np

from .feature import ImageFeatures


class Image(object):
    def __init__(self, data):
        self.pixels = {value}
        self.features = ImageFeatures(self)
"""


def _findings(tmp_path: Path, value: str, profile: str) -> list:
    package = tmp_path / "pkg"
    (package / "feature").mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "feature" / "__init__.py").write_text("from .base import ImageFeatures\n")
    (package / "feature" / "base.py").write_text(FEATURES)
    (package / "image.py").write_text(IMAGE.format(value=value))
    settings = with_overrides(Settings(root=str(tmp_path), select=("LKL101",)), profile=profile)
    return [f for f in lint_paths([str(package)], settings).findings if f.code == "LKL101"]


def test_helper_imported_through_a_reexport_holding_an_image_with_bulk_data(tmp_path: Path) -> None:
    found = _findings(tmp_path, "np.asarray(data)", "default")
    assert [(Path(f.path).name, f.line) for f in found] == [("base.py", 4)]
    assert "keeps an array in `pixels`" in found[0].message


def test_same_pair_without_an_array_is_strict_only(tmp_path: Path) -> None:
    # `self.pixels = data`: a name alone says nothing of its size (aiodocker's `Docker.images`
    # is the images API object).
    assert _findings(tmp_path, "data", "default") == []
    assert len(_findings(tmp_path, "data", "strict")) == 1


def test_a_buffer_made_with_its_size_is_bulk_data(tmp_path: Path) -> None:
    found = _findings(tmp_path, "bytearray(len(data))", "default")
    assert [(Path(f.path).name, f.line) for f in found] == [("base.py", 4)]


def test_an_empty_buffer_filled_later_is_strict_only(tmp_path: Path) -> None:
    # `self.pending = bytearray()`: it holds what is fed into it (a few handshake bytes taken out
    # again), not data whose size the code knows.
    assert _findings(tmp_path, "bytearray()", "default") == []
    assert len(_findings(tmp_path, "bytearray()", "strict")) == 1
