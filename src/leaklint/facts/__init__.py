"""Per-file facts as plain data (dicts, lists, strings, numbers): what each function does with
what it is given, computed in the engine's single walk and composed by the project pass."""
