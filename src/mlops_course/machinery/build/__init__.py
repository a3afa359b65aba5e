"""Build toolchain: text sources in ``content/`` → nbgrader source, student release, solutions."""
