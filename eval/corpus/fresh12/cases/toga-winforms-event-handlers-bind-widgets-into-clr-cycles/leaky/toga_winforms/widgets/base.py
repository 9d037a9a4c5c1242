class Widget:
    def __init__(self, interface) -> None:
        self.interface = interface
        self.interface._impl = self
        self.native = None
        self.create()

    def create(self) -> None:
        raise NotImplementedError

    def set_enabled(self, value: bool) -> None:
        self.native.Enabled = value
