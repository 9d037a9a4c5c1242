import importlib


def queue_once_key(name, kwargs, restrict_to=None):
    keys = ["qo", name]
    for key in sorted(kwargs):
        if restrict_to is None or key in restrict_to:
            keys.append("{}-{}".format(key, kwargs[key]))
    return "_".join(keys)


def import_backend(config):
    """Imports and initializes the Backend class."""
    backend_name = config['backend']
    path = backend_name.split('.')
    backend_mod_name, backend_class_name = '.'.join(path[:-1]), path[-1]
    backend_mod = importlib.import_module(backend_mod_name)
    backend_class = getattr(backend_mod, backend_class_name)
    return backend_class(config['settings'])
