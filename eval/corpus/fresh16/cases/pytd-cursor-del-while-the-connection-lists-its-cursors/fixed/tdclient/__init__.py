from .odbc import OdbcConnection

__all__ = ["OdbcConnection"]
