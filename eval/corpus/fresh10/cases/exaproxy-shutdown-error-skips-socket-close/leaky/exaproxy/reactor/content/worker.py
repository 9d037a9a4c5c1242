# encoding: utf-8
"""The upstream side of a proxied connection."""

import socket

from exaproxy.network.functions import connect


class Content (object):
	_connect = staticmethod(connect)

	__slots__ = ['client_id', 'sock', 'host', 'port', 'method', 'w_buffer', 'log']

	def __init__(self, client_id, host, port, bind, method, request, logger):
		self.client_id = client_id
		self.sock = self._connect(host, port, bind)  # LEAK
		self.host = host
		self.port = port
		self.method = method
		self.w_buffer = request
		self.log = logger

	def startConversation(self):
		if self.method == 'CONNECT':
			return True
		sent = self.sock.send(self.w_buffer)
		self.w_buffer = self.w_buffer[sent:]
		return not self.w_buffer

	def shutdown(self):
		try:
			self.sock.shutdown(socket.SHUT_RDWR)
			self.sock.close()  # LEAK
		except socket.error:
			pass
