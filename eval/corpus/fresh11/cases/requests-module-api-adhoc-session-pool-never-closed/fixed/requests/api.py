from . import sessions


def request(method, url, **kwargs):
    """Constructs and sends a :class:`Request <Request>`. Returns :class:`Response <Response>` object."""

    # if this session was passed in, leave it open (and retain pooled connections);
    # if we're making it just for this call, then close it when we're done.
    adhoc_session = False
    session = kwargs.pop('session', None)
    if session is None:
        session = sessions.session()
        adhoc_session = True

    try:
        return session.request(method=method, url=url, **kwargs)
    finally:
        if adhoc_session:
            session.close()


def get(url, **kwargs):
    """Sends a GET request. Returns :class:`Response` object."""
    kwargs.setdefault('allow_redirects', True)
    return request('get', url, **kwargs)


def post(url, data=None, **kwargs):
    return request('post', url, data=data, **kwargs)
