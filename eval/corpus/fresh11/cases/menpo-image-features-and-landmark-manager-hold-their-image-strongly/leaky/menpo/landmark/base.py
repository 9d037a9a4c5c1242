class Landmarkable(object):
    """Objects that can have landmarks attached to them."""

    def __init__(self):
        super(Landmarkable, self).__init__()
        self._landmarks = LandmarkManager(self)

    @property
    def landmarks(self):
        return self._landmarks

    @landmarks.setter
    def landmarks(self, value):
        self._landmarks = value.copy()
        self._landmarks._target = self


class LandmarkManager(object):
    def __init__(self, target):
        super(LandmarkManager, self).__init__()
        self.__target = target  # LEAK
        self._landmark_groups = {}

    def copy(self):
        new = LandmarkManager(None)
        for label, group in self._landmark_groups.items():
            new._landmark_groups[label] = group.copy()
        return new

    def __setitem__(self, group_label, pointcloud):
        self._landmark_groups[group_label] = LandmarkGroup(self._target, group_label, pointcloud)

    @property
    def _target(self):
        return self.__target

    @_target.setter
    def _target(self, value):
        self.__target = value  # LEAK
        for group in self._landmark_groups.values():
            group._target = self.__target


class LandmarkGroup(object):
    def __init__(self, target, group_label, pointcloud, copy=True):
        self._group_label = group_label
        self._target = target  # LEAK
        self._pointcloud = pointcloud.copy() if copy else pointcloud

    def copy(self):
        return LandmarkGroup(self._target, self._group_label, self._pointcloud)
