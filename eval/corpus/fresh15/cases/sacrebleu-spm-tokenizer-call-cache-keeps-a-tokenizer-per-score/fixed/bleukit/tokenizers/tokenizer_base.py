class BaseTokenizer:
    def signature(self) -> str:
        return "none"

    def __call__(self, line: str) -> str:
        return line
