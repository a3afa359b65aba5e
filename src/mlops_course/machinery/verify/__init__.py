"""Verification of the modules: the kernel walk (solution, release stubs and mutants in one
kernel per module), the real-nbgrader audit, the dependency drift guard and the benchmark of
what verifying costs."""
