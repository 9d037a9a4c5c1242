from .fileio import FileIO
from .tables import DataTable
