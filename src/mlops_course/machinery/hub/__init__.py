"""The course on a JupyterHub: per-role configuration and nbgrader's exchange (issue 20)."""
