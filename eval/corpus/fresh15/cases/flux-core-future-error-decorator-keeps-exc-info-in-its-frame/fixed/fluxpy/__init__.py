"""Python bindings for a resource manager: futures and RPCs."""
