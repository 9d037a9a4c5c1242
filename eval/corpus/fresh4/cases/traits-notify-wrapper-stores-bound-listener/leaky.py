from __future__ import annotations

import weakref
from types import MethodType


class TraitNotificationError(Exception):
    pass


class TraitChangeNotifyWrapper:
    """Dispatches trait change events to a dynamic listener (made by on_trait_change)."""

    argument_transforms = {
        0: lambda obj, name, old, new: (),
        1: lambda obj, name, old, new: (new,),
        2: lambda obj, name, old, new: (name, new),
        3: lambda obj, name, old, new: (obj, name, new),
        4: lambda obj, name, old, new: (obj, name, old, new),
    }

    def __init__(self, handler, owner, target=None):
        self.init(handler, owner, target)

    def init(self, handler, owner, target=None):
        if type(handler) is MethodType:
            func = handler.__func__
            obj = handler.__self__
            if obj is not None:
                self.object = weakref.ref(obj, self.listener_deleted)
                self.name = handler.__name__
                self.owner = owner
                arg_count = func.__code__.co_argcount - 1
                if arg_count > 4:
                    raise TraitNotificationError("at most 4 arguments, got %s" % arg_count)
                self.notify_listener = self._notify_method_listener  # LEAK
                self.argument_transform = self.argument_transforms[arg_count]
                return arg_count
        elif target is not None:
            self.object = weakref.ref(target, self.listener_deleted)
            self.owner = owner

        arg_count = handler.__code__.co_argcount
        if arg_count > 4:
            raise TraitNotificationError("at most 4 arguments, got %s" % arg_count)
        self.name = None
        self.handler = handler
        self.notify_listener = self._notify_function_listener  # LEAK
        self.argument_transform = self.argument_transforms[arg_count]
        return arg_count

    def __call__(self, object, trait_name, old, new):
        # notify_listener is _notify_method_listener or _notify_function_listener
        self.notify_listener(object, trait_name, old, new)

    def dispatch(self, handler, *args):
        handler(*args)

    def listener_deleted(self, ref):
        try:
            self.owner.remove(self)
        except ValueError:
            pass
        self.object = self.owner = None

    def _notify_method_listener(self, object, trait_name, old, new):
        obj = self.object()
        if obj is not None:
            args = self.argument_transform(object, trait_name, old, new)
            self.dispatch(getattr(obj, self.name), *args)

    def _notify_function_listener(self, object, trait_name, old, new):
        args = self.argument_transform(object, trait_name, old, new)
        self.dispatch(self.handler, *args)
