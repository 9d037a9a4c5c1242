import codecs
import json
import os
import tempfile
from typing import Any, Dict, List, Optional

from . import util

MEDIA_TMP = tempfile.TemporaryDirectory("runmedia-media")


class Media:
    def __init__(self) -> None:
        self._path: Optional[str] = None
        self._is_tmp = False
        self._extension: Optional[str] = None

    def _set_file(self, path: str, is_tmp: bool = False, extension: Optional[str] = None) -> None:
        self._path = path
        self._is_tmp = is_tmp
        self._extension = extension


class Table(Media):
    def __init__(self, columns: List[str], data: List[List[Any]]) -> None:
        super().__init__()
        self.columns = columns
        self.data = data

    def bind_to_run(self) -> None:
        payload = {"columns": self.columns, "data": self.data}
        tmp_path = os.path.join(MEDIA_TMP.name, util.generate_id() + ".table.json")
        with codecs.open(tmp_path, "w", encoding="utf-8") as fp:
            util.json_dump_safer(payload, fp)
        self._set_file(tmp_path, is_tmp=True, extension=".table.json")


class Graph(Media):
    def __init__(self) -> None:
        super().__init__()
        self.nodes: List[Dict[str, Any]] = []
        self.edges: List[Dict[str, Any]] = []

    def bind_to_run(self) -> None:
        payload = {"nodes": self.nodes, "edges": self.edges}
        tmp_path = os.path.join(MEDIA_TMP.name, util.generate_id() + ".graph.json")
        with codecs.open(tmp_path, "w", encoding="utf-8") as fp:
            util.json_dump_safer(payload, fp)
        self._set_file(tmp_path, is_tmp=True, extension=".graph.json")


class Object3D(Media):
    def __init__(self, scene: Dict[str, Any]) -> None:
        super().__init__()
        if scene.get("type") != "lidar/beta":
            raise ValueError("only 'lidar/beta' scenes are supported")
        data = {
            "type": scene["type"],
            "points": scene["points"].tolist() if "points" in scene else [],
            "boxes": scene["boxes"].tolist() if "boxes" in scene else [],
        }
        tmp_path = os.path.join(MEDIA_TMP.name, util.generate_id() + ".pts.json")
        with codecs.open(tmp_path, "w", encoding="utf-8") as fp:
            json.dump(data, fp, separators=(",", ":"), sort_keys=True, indent=4)
        self._set_file(tmp_path, is_tmp=True, extension=".pts.json")
