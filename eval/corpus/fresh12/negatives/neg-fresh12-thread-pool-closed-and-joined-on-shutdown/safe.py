from multiprocessing.pool import ThreadPool


class Bot:
    def __init__(self, pool_size: int) -> None:
        self.thread_pool = ThreadPool(pool_size)

    def run_async(self, func, *args) -> None:
        self.thread_pool.apply_async(func, args)

    def shutdown(self) -> None:
        self.thread_pool.close()
        self.thread_pool.join()
