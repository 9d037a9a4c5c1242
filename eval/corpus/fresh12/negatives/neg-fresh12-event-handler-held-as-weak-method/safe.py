import weakref


class WeakHandler:
    def __init__(self, method) -> None:
        self.ref = weakref.WeakMethod(method)

    def __call__(self, *args):
        method = self.ref()
        if method is not None:
            return method(*args)


class Button:
    def __init__(self, native, on_press) -> None:
        self.native = native
        self.on_press = on_press
        self.native.click_handlers.append(WeakHandler(self.handle_click))

    def handle_click(self, sender, event) -> None:
        self.on_press(self)
