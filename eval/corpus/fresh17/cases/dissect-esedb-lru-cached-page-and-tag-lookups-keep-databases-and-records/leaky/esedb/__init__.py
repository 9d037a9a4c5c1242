from .esedb import EseDB
from .page import Page
from .record import RecordData

__all__ = ["EseDB", "Page", "RecordData"]
