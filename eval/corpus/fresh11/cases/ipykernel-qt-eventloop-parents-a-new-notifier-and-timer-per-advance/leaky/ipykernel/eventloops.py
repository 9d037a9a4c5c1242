import zmq


def _notify_stream_qt(kernel, stream):

    from IPython.external.qt_for_kernel import QtCore

    def process_stream_events():
        """fall back to main loop when there's a socket event"""
        # call flush to ensure that the stream doesn't lose events
        # due to our consuming of the edge-triggered FD
        if stream.flush(limit=1):
            notifier.setEnabled(False)
            kernel.app.quit()

    fd = stream.getsockopt(zmq.FD)
    notifier = QtCore.QSocketNotifier(fd, QtCore.QSocketNotifier.Read, kernel.app)  # LEAK
    notifier.activated.connect(process_stream_events)
    # schedule first call on the eventloop as soon as it's running,
    # so we don't block here processing events
    timer = QtCore.QTimer(kernel.app)  # LEAK
    timer.setSingleShot(True)
    timer.timeout.connect(process_stream_events)
    timer.start(0)


def _loop_qt(app):
    """Inner-loop for running the Qt eventloop"""
    app._in_event_loop = True
    app.exec_()
    app._in_event_loop = False


def loop_qt4(kernel):
    """Start a kernel with PyQt4 event loop integration."""
    from IPython.external.qt_for_kernel import QtGui
    from IPython.lib.guisupport import get_app_qt4

    kernel.app = get_app_qt4([" "])
    if isinstance(kernel.app, QtGui.QApplication):
        kernel.app.setQuitOnLastWindowClosed(False)
    _notify_stream_qt(kernel, kernel.shell_stream)

    _loop_qt(kernel.app)
