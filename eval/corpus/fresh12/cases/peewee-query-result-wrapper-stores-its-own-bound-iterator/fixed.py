class QueryResultWrapper(object):
    def __init__(self, model, cursor, meta=None):
        self.model = model
        self.cursor = cursor
        self.naive = not meta
        self._result_cache = []
        self._populated = False
        if self.naive:
            cols = []
            non_cols = []
            for i in range(len(self.cursor.description)):
                col = self.cursor.description[i][0]
                if col in model._meta.columns:
                    cols.append((i, model._meta.columns[col]))
                else:
                    non_cols.append((i, col))
            self._cols = cols
            self._non_cols = non_cols
        else:
            self.column_meta, self.join_meta = meta

    def simple_iter(self, row):
        instance = self.model()
        for i, f in self._cols:
            setattr(instance, f.name, f.python_value(row[i]))
        for i, f in self._non_cols:
            setattr(instance, f, row[i])
        return instance

    def construct_instance(self, row):
        collected = {}
        for i, (model, col) in enumerate(self.column_meta):
            collected.setdefault(model, model())
            setattr(collected[model], col, row[i])
        return collected[self.model]

    def __iter__(self):
        return self

    def __next__(self):
        row = self.cursor.fetchone()
        if not row:
            self._populated = True
            raise StopIteration
        if self.naive:
            return self.simple_iter(row)
        else:
            return self.construct_instance(row)
