__version__ = "1.18.1"
