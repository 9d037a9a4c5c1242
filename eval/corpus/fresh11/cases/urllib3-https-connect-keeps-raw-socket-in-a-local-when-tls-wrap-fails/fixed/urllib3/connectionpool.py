from urllib3.connection import HTTPSConnection


class HTTPSConnectionPool:
    ConnectionCls = HTTPSConnection

    def __init__(self, host, port=None, **conn_kw):
        self.host = host
        self.port = port
        self.conn_kw = conn_kw
        self.pool = []

    def _new_conn(self) -> HTTPSConnection:
        return self.ConnectionCls(host=self.host, port=self.port, **self.conn_kw)

    def _get_conn(self) -> HTTPSConnection:
        return self.pool.pop() if self.pool else self._new_conn()

    def _validate_conn(self, conn: HTTPSConnection) -> None:
        # Force connect early to allow us to validate the connection.
        if conn.sock is None:
            conn.connect()

    def urlopen(self, method, url, body=None, headers=None):
        conn = None
        clean_exit = False
        try:
            conn = self._get_conn()
            self._validate_conn(conn)
            conn.request(method, url, body=body, headers=headers or {})
            response = conn.getresponse()
            clean_exit = True
            return response
        finally:
            if not clean_exit:
                # We hit some kind of exception: throw the connection away.
                if conn:
                    conn.close()
                    conn = None
            if conn is not None:
                self.pool.append(conn)
