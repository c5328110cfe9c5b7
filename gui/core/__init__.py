"""The engine: everything Queue Desk does without a window. No Qt here (tests/test_architecture.py
checks it), so the command line, the batch runner and the tests use it as the window does.

Loose modules are the few facts everything shares: engine (the facade a caller opens),
endpoints (the API catalogue), errors, i18n, paths, logs, atomic_files. A feature goes into its
sub-package: api (HTTP), jobs (queue and history), builders (request bodies), formats (answer
file formats), export (saving results), batch (many rows from one template), profiles
(servers and keys)."""
