"""Sample data: the demo alliance (``harambee demo``) and the synthetic alliance for load
tests (``harambee generate``). The top layer: it may use every app, and no app uses it."""
