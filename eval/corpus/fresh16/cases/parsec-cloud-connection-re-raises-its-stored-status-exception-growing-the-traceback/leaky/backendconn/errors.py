class BackendNotAvailable(Exception):
    pass


class BackendConnectionRefused(Exception):
    pass
