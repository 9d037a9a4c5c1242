import builtins
import linecache
import textwrap
import weakref

_lambdify_generated_counter = 1


def _print_function(funcname, args, expr) -> str:
    return "def {}({}):\n    return {}\n".format(funcname, ", ".join(args), expr)


def lambdify(args, expr, modules=None):
    global _lambdify_generated_counter
    namespace = dict(modules or {})
    namespace.update({"builtins": builtins, "range": range})
    names = [str(a) for a in args]
    funcname = "_lambdifygenerated"
    funcstr = _print_function(funcname, names, expr)
    funclocals = {}
    filename = "<lambdifygenerated-%s>" % _lambdify_generated_counter
    _lambdify_generated_counter += 1
    c = compile(funcstr, filename, "exec")
    exec(c, namespace, funclocals)
    # mtime has to be None or else linecache.checkcache will remove it
    linecache.cache[filename] = (len(funcstr), None, funcstr.splitlines(True), filename)

    def cleanup_linecache(filename):
        def _cleanup():
            if filename in linecache.cache:
                del linecache.cache[filename]
        return _cleanup

    func = funclocals[funcname]
    weakref.finalize(func, cleanup_linecache(filename))
    sig = "func({})".format(", ".join(names))
    func.__doc__ = "Created with lambdify. Signature:\n\n{}\n\nSource code:\n\n{}".format(
        textwrap.fill(sig, subsequent_indent=" " * 8), funcstr)
    return func
