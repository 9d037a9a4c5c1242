import numpy as np

from menpo.landmark import Landmarkable
from .feature import ImageFeatures


class Image(Landmarkable):
    def __init__(self, image_data, copy=True):
        super(Image, self).__init__()
        if copy:
            image_data = image_data.copy()
        self.pixels = np.asarray(image_data)
        self.features = ImageFeatures(self)

    def copy(self):
        new_image = Image(self.pixels, copy=True)
        new_image.landmarks = self.landmarks
        return new_image

    def crop(self, min_indices, max_indices):
        cropped_image = self.copy()
        slices = tuple(slice(a, b) for a, b in zip(min_indices, max_indices))
        cropped_image.pixels = cropped_image.pixels[slices]
        return cropped_image
