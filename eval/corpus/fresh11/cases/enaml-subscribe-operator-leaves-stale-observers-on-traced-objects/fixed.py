from enaml.core.dynamicscope import DynamicScope, Nonlocals
from enaml.core.standard_tracer import StandardTracer
from enaml.core.funchelper import call_func


class OperatorBase(object):
    __slots__ = 'binding'

    def __init__(self, binding):
        self.binding = binding

    def get_locals(self, owner):
        return owner._d_storage.get(self.binding['lineno'], {})


class SubscriptionObserver(object):
    """An observer used to listen for changes in "<<" expressions."""
    __slots__ = ('owner', 'name')

    def __init__(self, owner, name):
        self.owner = owner  # will be reset to None by OpSubscribe
        self.name = name

    def __bool__(self):
        # The atom observer mechanism removes the observer when it tests False.
        return self.owner is not None

    def __call__(self, change):
        owner = self.owner
        if owner is not None:
            name = self.name
            setattr(owner, name, owner._run_eval_operator(name))


class OpSubscribe(OperatorBase):
    """An operator class which implements the `<<` operator semantics."""
    __slots__ = 'observers'

    def __init__(self, binding):
        super(OpSubscribe, self).__init__(binding)
        self.observers = {}

    def release(self, owner):
        observer = self.observers.pop(owner, None)
        if observer is not None:
            observer.owner = None

    def eval(self, owner):
        tracer = StandardTracer()
        overrides = {'nonlocals': Nonlocals(owner, tracer), 'self': owner}
        f_locals = self.get_locals(owner)
        func = self.binding['func']
        scope = DynamicScope(owner, f_locals, overrides, func.__globals__, tracer)
        result = call_func(func, (tracer,), {}, scope)

        # Unsubscribe the old observer from the current change set.
        # The objects in the change set will not usually change, but
        # they may in some cases. So, the old notifier is also set to
        # invalid so the next time that particular change fires, the
        # object will be removed.
        observers = self.observers
        if owner in observers:
            old = observers.pop(owner)
            for obj, name in tracer.traced_items:
                obj.unobserve(name, old)
            old.owner = None

        # Create a new observer to bind to the current change set.
        observer = SubscriptionObserver(owner, self.binding['name'])
        observers[owner] = observer
        for obj, name in tracer.traced_items:
            obj.observe(name, observer)

        return result
