import importlib
import re


class Namespace(object):
    def __init__(self, modules):
        self.values = {}
        for name in modules:
            try:
                self.values[name.split(".")[0]] = importlib.import_module(name.split(".")[0])
            except ImportError:
                pass


class Step(object):
    def __init__(self, source, delimiter=None):
        self.delimiter = delimiter
        self.code = compile(source or "l", "<expression>", "eval")

    def apply(self, namespace, line):
        fields = line.split(self.delimiter)
        scope = dict(namespace.values, l=line, f=fields, nf=len(fields))
        return eval(self.code, scope)


def guess_modules(texts):
    return re.findall(r"([\w.]+)+(?=\.\w+)\b", " ".join(texts))


def run_steps(namespace, source, sink, steps):
    for line in source:
        line = line.rstrip("\n")
        for step in steps:
            result = step.apply(namespace, line)
            if result is True:
                sink.write(line + "\n")
            elif result not in (None, False):
                sink.write(str(result) + "\n")
