import ssl

import aiohttp

LOCAL_TIMEOUT = aiohttp.ClientTimeout(sock_connect=10, sock_read=45)
NO_VERIFY_SSL_CONTEXT = ssl.create_default_context()
NO_VERIFY_SSL_CONTEXT.check_hostname = False
NO_VERIFY_SSL_CONTEXT.verify_mode = ssl.CERT_NONE
