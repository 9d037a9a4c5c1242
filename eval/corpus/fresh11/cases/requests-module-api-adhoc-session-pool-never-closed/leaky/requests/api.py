from . import sessions


def request(method, url, **kwargs):
    """Constructs and sends a :class:`Request <Request>`. Returns :class:`Response <Response>` object."""

    s = kwargs.pop('session') if 'session' in kwargs else sessions.session()  # LEAK
    return s.request(method=method, url=url, **kwargs)


def get(url, **kwargs):
    """Sends a GET request. Returns :class:`Response` object."""
    kwargs.setdefault('allow_redirects', True)
    return request('get', url, **kwargs)


def post(url, data=None, **kwargs):
    return request('post', url, data=data, **kwargs)
