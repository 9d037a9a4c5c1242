from .kernel import Kernel


def run(coro, selector=None):
    kernel = Kernel(selector=selector)
    return kernel.run(coro, shutdown=True)
