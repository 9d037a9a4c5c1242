_curdoc = None


def curdoc():
    return _curdoc


def set_curdoc(doc):
    global _curdoc
    _curdoc = doc
