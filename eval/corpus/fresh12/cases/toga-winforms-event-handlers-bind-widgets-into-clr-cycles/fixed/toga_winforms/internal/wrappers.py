import weakref


class WeakrefCallable:
    """Hold a callable weakly, so that an event handler set on a .NET control does not
    make a Python/CLR cycle that neither garbage collector detects."""

    def __init__(self, function) -> None:
        try:
            self.ref = weakref.WeakMethod(function)
        except TypeError:
            self.ref = weakref.ref(function)

    def __call__(self, *args, **kwargs):
        function = self.ref()
        if function:
            return function(*args, **kwargs)
