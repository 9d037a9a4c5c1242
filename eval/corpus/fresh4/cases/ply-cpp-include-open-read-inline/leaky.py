from __future__ import annotations

import os
import sys


class Preprocessor:
    def __init__(self, lexer=None):
        self.lexer = lexer
        self.path = []
        self.temp_path = []

    def parsegen(self, data, source=None):
        for line in data.splitlines():
            yield line

    def include(self, filename, system=False):
        path = (self.path + [""] + self.temp_path) if system else (self.temp_path + [""] + self.path)
        for p in path:
            iname = os.path.join(p, filename)
            try:
                data = open(iname, "r").read()  # LEAK
                dname = os.path.dirname(iname)
                if dname:
                    self.temp_path.insert(0, dname)
                for tok in self.parsegen(data, filename):
                    yield tok
                if dname:
                    del self.temp_path[0]
                break
            except IOError:
                pass
        else:
            print("Couldn't find '%s'" % filename)


def runmain(lexer=None, data=None):
    if not data:
        try:
            filename = sys.argv[1]
            f = open(filename)  # LEAK
            data = f.read()
            f.close()
        except IndexError:
            sys.stdout.write("Reading from standard input (type EOF to end):\n")
            data = sys.stdin.read()
    return data
