import marshal


def _get_codeobj(pyfile):
    """ Returns the code object, given a python file """
    with open(pyfile, 'rb') as fileobj:
        data = fileobj.read()
    return marshal.loads(data[16:])


def execfile_(fname, *args):
    if fname.endswith(".pyc"):
        code = _get_codeobj(fname)
    else:
        code = compile(open(fname, 'rb').read(), fname, 'exec')  # LEAK
    return exec(code, *args)
