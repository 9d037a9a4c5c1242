from .base import ImageFeatures
