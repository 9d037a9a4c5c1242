from __future__ import annotations

import http.client as http_client


class SoapResponseDeserializer:
    def __init__(self, stub) -> None:
        self.stub = stub
        self.result = None

    def Deserialize(self, fd, resultType):
        self.result = self.stub.parse(fd.read(), resultType)
        return self.result


class SoapStubAdapter:
    def __init__(self, pool) -> None:
        self.pool = pool

    def _CloseConnection(self, conn) -> None:
        conn.close()

    def ReturnConnection(self, conn) -> None:
        self.pool.append(conn)

    def InvokeMethod(self, mo, info, args, outerStub=None):
        if outerStub is None:
            outerStub = self
        conn = self.pool.pop()
        conn.request("POST", "/sdk", outerStub.serialize(mo, info, args))
        resp = conn.getresponse()
        status = resp.status

        if status == 200 or status == 500:
            try:
                deserializer = SoapResponseDeserializer(outerStub)
                obj = deserializer.Deserialize(resp, info.result)
            except Exception:
                self._CloseConnection(conn)
                raise
            else:
                resp.read()
                self.ReturnConnection(conn)
            if outerStub != self:
                return (status, obj)
            if status == 200:
                return obj
            else:
                raise obj  # LEAK
        else:
            self._CloseConnection(conn)
            raise http_client.HTTPException("{0} {1}".format(resp.status, resp.reason))
