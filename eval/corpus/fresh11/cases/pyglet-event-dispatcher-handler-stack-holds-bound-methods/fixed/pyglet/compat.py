from weakref import WeakMethod  # Python >= 3.4; older versions get a backport here
