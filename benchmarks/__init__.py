"""Performance harness: ``python -m benchmarks [--only NAME] [--json]``. Not tests."""
