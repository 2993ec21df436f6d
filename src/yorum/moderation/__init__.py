"""The engine: prepare → rules → decide → Verdict. Pure: no I/O, no clock."""
