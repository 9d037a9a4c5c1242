# encoding: utf-8
"""The client side of a proxied HTTP connection."""

import socket


class HTTPClient (object):
	def __init__(self, name, sock, peer, logger, max_buffer):
		self.name = name
		self.sock = sock
		self.peer = peer
		self.reader = self._read(sock, max_buffer)
		self.writer = self._write(sock)
		self.w_buffer = b''
		self.log = logger
		next(self.reader)

	def _read(self, sock, max_buffer):
		while True:
			data = sock.recv(max_buffer)
			if not data:
				break
			yield data

	def _write(self, sock):
		while True:
			data = yield
			if data is None:
				break
			sock.sendall(data)

	def shutdown(self):
		try:
			self.sock.shutdown(socket.SHUT_RDWR)
		except socket.error:
			pass
		finally:
			self.sock.close()

		self.writer.close()
		self.reader.close()
