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
        with open(fname, 'rb') as file:
            code = compile(file.read(), fname, 'exec')
    return exec(code, *args)
