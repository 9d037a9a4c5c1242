import os

from .program import Namespace, Step, guess_modules, run_steps


def run(expressions, source, sink, in_place=None, delimiter=None):
    try:
        if in_place:
            os.rename(in_place, in_place + "~")
            source = open(in_place + "~")
            sink = open(in_place, "w")

        namespace = Namespace(guess_modules(expressions))
        steps = [Step(text, delimiter) for text in expressions] or [Step("", delimiter)]

        run_steps(namespace, source, sink, steps)
    finally:
        if in_place:
            sink.close()
            source.close()
