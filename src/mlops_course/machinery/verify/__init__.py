"""Verification of the modules: the kernel walk (solution, release stubs and mutants in one
kernel per module) and the benchmark of what it costs."""
