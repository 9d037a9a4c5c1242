from .base import Landmarkable, LandmarkManager, LandmarkGroup
