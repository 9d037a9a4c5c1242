_engines = {}


def get_engine(name, creator):
    """One shared engine per name for the whole application."""
    if name not in _engines:
        _engines[name] = creator()
    return _engines[name]
