import json
import os


def load(location, auto_dump):
    """Return a pickledb object. location is the path to the json file."""
    return PickleDB(location, auto_dump)


class PickleDB(object):

    key_string_error = TypeError("Key/name must be a string!")  # LEAK

    def __init__(self, location, auto_dump):
        self.loco = os.path.expanduser(location)
        self.auto_dump = auto_dump
        self.db = {}
        if os.path.exists(self.loco):
            with open(self.loco, "rt") as f:
                self.db = json.load(f)

    def dump(self):
        with open(self.loco, "wt") as f:
            json.dump(self.db, f)
        return True

    def _autodumpdb(self):
        if self.auto_dump:
            self.dump()

    def set(self, key, value):
        """Set the str value of a key"""
        if isinstance(key, str):
            self.db[key] = value
            self._autodumpdb()
            return True
        else:
            raise self.key_string_error  # LEAK

    def get(self, key):
        try:
            return self.db[key]
        except KeyError:
            return False

    def lcreate(self, name):
        """Create a list, name must be str"""
        if isinstance(name, str):
            self.db[name] = []
            self._autodumpdb()
            return True
        else:
            raise self.key_string_error  # LEAK

    def dcreate(self, name):
        """Create a dict, name must be str"""
        if isinstance(name, str):
            self.db[name] = {}
            self._autodumpdb()
            return True
        else:
            raise self.key_string_error  # LEAK
