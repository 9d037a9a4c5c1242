import inspect
import itertools
import re
import sys

DEF = re.compile(r'\s*def\s*([_\w][_\w\d]*)\s*\(')


class FunctionMaker(object):
    _compile_count = itertools.count()

    def __init__(self, func=None, name=None, signature=None, doc=None, module=None):
        self.shortsignature = signature
        if func:
            self.name = func.__name__
            self.doc = func.__doc__
            self.module = func.__module__
            argspec = inspect.getfullargspec(func)
            self.signature = self.shortsignature = ', '.join(argspec.args)
        if name:
            self.name = name
        if signature is not None:
            self.signature = signature
        if doc:
            self.doc = doc
        if module:
            self.module = module

    def make(self, src_templ, evaldict=None, addsource=False, **attrs):
        "Make a new function from a given template and update the signature"
        src = src_templ % vars(self)  # expand name and signature
        evaldict = evaldict or {}
        mo = DEF.match(src)
        if mo is None:
            raise SyntaxError('not a valid function template\n%s' % src)
        name = mo.group(1)  # extract the function name
        if not src.endswith('\n'):
            src += '\n'
        filename = '<decorator-gen-%d>' % (next(self._compile_count),)
        code = compile(src, filename, 'single')
        exec(code, evaldict)
        func = evaldict[name]
        func.__name__ = self.name
        func.__doc__ = getattr(self, 'doc', None)
        func.__dict__.update(attrs)
        return func

    @classmethod
    def create(cls, obj, body, evaldict, doc=None, module=None, **attrs):
        if isinstance(obj, str):  # "name(signature)"
            name, rest = obj.strip().split('(', 1)
            self = cls(None, name, rest[:-1], doc, module)
        else:
            self = cls(obj, None, None, doc, module)
        ibody = '\n'.join('    ' + line for line in body.splitlines())
        return self.make('def %(name)s(%(signature)s):\n' + ibody, evaldict, **attrs)


def decorate(func, caller):
    """decorate(func, caller) decorates a function using a caller."""
    evaldict = func.__globals__.copy()  # LEAK
    evaldict['_call_'] = caller
    evaldict['_func_'] = func
    fun = FunctionMaker.create(
        func, "return _call_(_func_, %(shortsignature)s)",
        evaldict, __wrapped__=func)
    if hasattr(func, '__qualname__'):
        fun.__qualname__ = func.__qualname__
    return fun


def decorator(caller, _func=None):
    """decorator(caller) converts a caller function into a decorator"""
    if _func is not None:
        return decorate(_func, caller)
    if inspect.isfunction(caller):
        name = '_lambda_' if caller.__name__ == '<lambda>' else caller.__name__
        callerfunc = caller
        doc = caller.__doc__
    else:  # assume caller is an object with a __call__ method
        name = caller.__class__.__name__.lower()
        callerfunc = caller.__call__.__func__
        doc = caller.__call__.__doc__
    evaldict = callerfunc.__globals__.copy()  # LEAK
    evaldict['_call_'] = caller
    evaldict['_decorate_'] = decorate
    return FunctionMaker.create(
        '%s(func)' % name, 'return _decorate_(func, _call_)',
        evaldict, doc=doc, module=caller.__module__,
        __wrapped__=caller)
