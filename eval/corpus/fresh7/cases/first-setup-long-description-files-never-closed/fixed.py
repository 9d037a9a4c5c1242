import sys

from setuptools import setup

if sys.version_info[0] >= 3:
    openf = open
else:
    import codecs
    openf = codecs.open


def read(fn):
    with openf(fn, encoding="utf-8") as fp:
        return fp.read()


setup(
    name="first",
    version="2.0.1",
    description="Return the first true value of an iterable.",
    long_description=(read("README.rst") + "\n\n" +
                      read("HISTORY.rst") + "\n\n" +
                      read("AUTHORS.rst")),
    url="http://github.com/hynek/first/",
    license="MIT",
    py_modules=["first"],
)
