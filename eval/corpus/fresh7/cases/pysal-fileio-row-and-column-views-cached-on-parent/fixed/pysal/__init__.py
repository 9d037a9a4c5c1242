from .core import DataTable, FileIO
