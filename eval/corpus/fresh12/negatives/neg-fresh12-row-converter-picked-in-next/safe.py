class ResultWrapper:
    def __init__(self, cursor, naive: bool) -> None:
        self.cursor = cursor
        self.naive = naive

    def simple_row(self, row):
        return dict(zip((c[0] for c in self.cursor.description), row))

    def tuple_row(self, row):
        return tuple(row)

    def __iter__(self):
        return self

    def __next__(self):
        row = self.cursor.fetchone()
        if row is None:
            raise StopIteration
        if self.naive:
            return self.simple_row(row)
        return self.tuple_row(row)
