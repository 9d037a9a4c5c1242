from __future__ import annotations


class Simulator:
    def __init__(self, algo, clock) -> None:
        self.algo = algo
        self.clock = clock

    def transform(self):
        for bar in self.clock:
            yield self.algo.handle_data(bar)


class TradingAlgorithm:
    def __init__(self, data_portal) -> None:
        self.data_portal = data_portal
        self.trading_client = None

    def run(self, clock) -> list:
        self.trading_client = Simulator(self, clock)
        try:
            return list(self.trading_client.transform())
        finally:
            self.trading_client = None

    def handle_data(self, bar):
        return bar
