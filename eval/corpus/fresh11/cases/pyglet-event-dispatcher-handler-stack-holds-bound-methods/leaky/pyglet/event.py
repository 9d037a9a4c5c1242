import inspect

EVENT_HANDLED = True
EVENT_UNHANDLED = None


class EventException(Exception):
    pass


class EventDispatcher(object):
    """Generic event dispatcher interface."""
    # Placeholder empty stack; real stack is created only if needed
    _event_stack = ()

    @classmethod
    def register_event_type(cls, name):
        if not hasattr(cls, 'event_types'):
            cls.event_types = []
        cls.event_types.append(name)
        return name

    def push_handlers(self, *args, **kwargs):
        """Push a level onto the top of the handler stack, then attach handlers."""
        if type(self._event_stack) is tuple:
            self._event_stack = []
        self._event_stack.insert(0, {})
        self.set_handlers(*args, **kwargs)

    def set_handlers(self, *args, **kwargs):
        if type(self._event_stack) is tuple:
            self._event_stack = [{}]
        for name, handler in self._get_handlers(args, kwargs):
            self._event_stack[0][name] = handler

    def pop_handlers(self):
        assert self._event_stack and 'No handlers pushed'
        del self._event_stack[0]

    def remove_handlers(self, *args, **kwargs):
        handlers = list(self._get_handlers(args, kwargs))
        for frame in list(self._event_stack):
            if any(frame.get(name) == handler for name, handler in handlers):
                for name, handler in handlers:
                    if frame.get(name) == handler:
                        del frame[name]
                if not frame:
                    self._event_stack.remove(frame)
                break

    def _get_handlers(self, args, kwargs):
        """Implement handler matching on arguments for set_handlers and remove_handlers."""
        for obj in args:
            if inspect.isroutine(obj):
                # Single magically named function
                name = obj.__name__
                if name not in self.event_types:
                    raise EventException('Unknown event "%s"' % name)
                yield name, obj
            else:
                # Single instance with magically named methods
                for name in dir(obj):
                    if name in self.event_types:
                        yield name, getattr(obj, name)  # LEAK
        for name, handler in kwargs.items():
            # Function for handling given event (no magic)
            if name not in self.event_types:
                raise EventException('Unknown event "%s"' % name)
            yield name, handler

    def dispatch_event(self, event_type, *args):
        invoked = False
        for frame in list(self._event_stack):
            handler = frame.get(event_type, None)
            if handler:
                invoked = True
                if handler(*args):
                    return EVENT_HANDLED
        handler = getattr(self, event_type, None)
        if handler is not None:
            invoked = True
            if handler(*args):
                return EVENT_HANDLED
        return EVENT_UNHANDLED if invoked else False
