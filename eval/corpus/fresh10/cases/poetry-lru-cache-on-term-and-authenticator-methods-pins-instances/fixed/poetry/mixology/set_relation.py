class SetRelation:
    SUBSET = "subset"
    DISJOINT = "disjoint"
    OVERLAPPING = "overlapping"
