class AddressLookupError(Exception):
    """Raised when the local address of a family cannot be found."""
