from __future__ import annotations

import asyncore
import logging
import multiprocessing
import threading

log = logging.getLogger("rtl_mus")
clients = []
clients_mutex = threading.Lock()


class client:
    ident = None
    to_close = False
    waiting_data = None
    socket = None  # the (socket, address) tuple returned by accept()
    asyncore = None

    def close(self) -> None:
        with clients_mutex:
            for i in range(0, len(clients)):
                if clients[i][0].ident == self.ident:
                    try:
                        self.socket.close()  # LEAK
                    except Exception:
                        pass
                    try:
                        self.asyncore.close()
                        del self.asyncore
                    except Exception:
                        pass
                    break


class server_asyncore(asyncore.dispatcher):
    def handle_accept(self) -> None:
        my_client = [client()]
        my_client[0].socket = self.accept()
        if my_client[0].socket is None:
            return
        my_client[0].ident = len(clients)
        my_client[0].waiting_data = multiprocessing.Queue(250)
        with clients_mutex:
            clients.append(my_client)
        log.info("client accepted: %s@%s", my_client[0].ident, my_client[0].socket[1][0])
