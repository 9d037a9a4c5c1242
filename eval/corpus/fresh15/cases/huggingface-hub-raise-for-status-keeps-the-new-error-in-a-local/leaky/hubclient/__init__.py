"""A client for a model hub: HTTP error mapping and file downloads."""
