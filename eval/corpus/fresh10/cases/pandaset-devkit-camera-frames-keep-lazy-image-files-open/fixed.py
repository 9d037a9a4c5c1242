from __future__ import annotations

import glob
import json
from abc import ABCMeta, abstractmethod
from typing import Generic, List, TypeVar

from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

T = TypeVar("T")


class Sensor(Generic[T], metaclass=ABCMeta):
    def __init__(self, directory: str) -> None:
        self._directory = directory
        self._data_structure: List[str] = []
        self._data: List[T] = []
        self._poses: List[dict] = []
        self._load_structure()

    @property
    @abstractmethod
    def _data_file_extension(self) -> str:
        ...

    @property
    def data(self) -> List[T]:
        return self._data

    def _load_structure(self) -> None:
        self._data_structure = sorted(glob.glob(f"{self._directory}/*.{self._data_file_extension}"))

    def load(self) -> None:
        self._load_data()
        self._load_poses()

    def _load_data(self) -> None:
        self._data = []
        for fp in self._data_structure:
            self._data.append(self._load_data_file(fp))

    def _load_poses(self) -> None:
        with open(f"{self._directory}/poses.json", "r") as f:
            self._poses = list(json.load(f))

    @abstractmethod
    def _load_data_file(self, fp: str) -> T:
        ...


class Camera(Sensor[JpegImageFile]):
    @property
    def _data_file_extension(self) -> str:
        return "jpg"

    def _load_data_file(self, fp: str) -> JpegImageFile:
        # Image.open is lazy and keeps the file open until the image is loaded or closed
        img = Image.open(fp)
        image = img.copy()
        img.close()
        return image
