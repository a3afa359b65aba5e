"""Student tools: check one module's visible tests and see progress, all local."""
