import sys

from setuptools import setup

if sys.version_info[0] >= 3:
    openf = open
else:
    import codecs
    openf = codecs.open


setup(
    name="first",
    version="2.0.1",
    description="Return the first true value of an iterable.",
    long_description=(openf("README.rst", encoding="utf-8").read() + "\n\n" +  # LEAK
                      openf("HISTORY.rst", encoding="utf-8").read() + "\n\n" +  # LEAK
                      openf("AUTHORS.rst", encoding="utf-8").read()),  # LEAK
    url="http://github.com/hynek/first/",
    license="MIT",
    py_modules=["first"],
)
