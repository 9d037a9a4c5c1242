from weakref import proxy


class ImageFeatures(object):
    """Feature computations bound to one image."""

    def __init__(self, image):
        # hold a weak ref to the image (to prevent cyclic references)
        self._image = proxy(image)

    def gradient(self):
        import numpy as np
        return np.gradient(self._image.pixels)
