import logging
from multiprocessing.pool import ThreadPool
from typing import Any, List, Tuple

log = logging.getLogger("measurement")


class MeasurementDriver:
    def __init__(self, interface: Any, session: Any) -> None:
        self.interface = interface
        self.session = session

    def query_pending_desired_results(self) -> List[Any]:
        return [dr for dr in self.session.pending() if dr.state == "REQUESTED"]

    def claim_desired_result(self, dr: Any) -> bool:
        if dr.state != "REQUESTED":
            return False
        dr.state = "RUNNING"
        return True

    def run_desired_result(self, dr: Any, compile_result: Any = None, result_id: Any = None) -> None:
        result = self.interface.run_precompiled(dr, compile_result, result_id)
        dr.result = result
        dr.state = "COMPLETE"

    def process_all(self) -> None:
        pending = self.query_pending_desired_results()
        if self.interface.parallel_compile:
            desired_results: List[Any] = []
            thread_args: List[Tuple[Any, Any, Any]] = []

            def compile_result(args: Tuple[Any, Any, Any]) -> Any:
                interface, data, result_id = args
                return interface.compile(data, result_id)

            for dr in pending:
                if self.claim_desired_result(dr):
                    desired_results.append(dr)
                    thread_args.append((self.interface, dr.configuration.data, dr.id))
            if not desired_results:
                return
            thread_pool = ThreadPool(len(desired_results))  # LEAK
            try:
                # map_async and a long get() so that a KeyboardInterrupt is not ignored
                compile_results = thread_pool.map_async(compile_result, thread_args).get(9999999)
            except Exception:
                # only one thread sees the exception: stop the other compile jobs
                self.interface.kill_all()
                raise
            for dr, result in zip(desired_results, compile_results):
                self.run_desired_result(dr, result, dr.id)
                try:
                    self.interface.cleanup(dr.id)
                except RuntimeError as e:
                    log.warning("cleanup failed: %s", e)
        else:
            for dr in pending:
                if self.claim_desired_result(dr):
                    self.run_desired_result(dr)
