from subprocess import PIPE, Popen
import functools

from plumbum.commands.processes import run_proc


class BaseCommand(object):
    def popen(self, args=(), **kwargs):
        raise NotImplementedError()

    def run(self, args=(), retcode=0, **kwargs):
        return run_proc(self.popen(args, **kwargs), retcode)

    def __or__(self, other):
        return Pipeline(self, other)


class Pipeline(BaseCommand):
    def __init__(self, srccmd, dstcmd):
        self.srccmd = srccmd
        self.dstcmd = dstcmd

    def popen(self, args=(), **kwargs):
        src_kwargs = kwargs.copy()
        src_kwargs["stdout"] = PIPE
        src_kwargs["stderr"] = PIPE

        srcproc = self.srccmd.popen(args, **src_kwargs)
        kwargs["stdin"] = srcproc.stdout
        dstproc = self.dstcmd.popen(**kwargs)
        # allow p1 to receive a SIGPIPE if p2 exits
        srcproc.stdout.close()
        srcproc.stderr.close()
        if srcproc.stdin:
            srcproc.stdin.close()
        dstproc.srcproc = srcproc

        dstproc_wait = dstproc.wait

        @functools.wraps(Popen.wait)
        def wait2():
            rc = dstproc_wait()
            srcproc.wait()
            return rc
        dstproc.wait = wait2
        return dstproc
