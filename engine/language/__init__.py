"""The safe PyTorch-subset language every typed field and the console use.

Public API (in ``engine.language.interpreter``)::

    Interpreter(namespace=None, should_stop=None, time_limit=...)
    interpreter.run(source) -> Generator[RunProgress, None, RunResult]
    interpreter.run_to_end(source) -> RunResult
    run_to_end(source) -> RunResult            # one-off run in a fresh namespace

Typed text is parsed with ``ast`` and walked node by node over explicit allowlists
(``allowlist_*`` modules); it is never passed to ``eval``/``exec``. Refusals raise
``LanguageError`` (an ``InputError``); PyTorch's own errors raise ``LanguageOperationError``
(an ``OperationError`` keeping PyTorch's text). ``run_code.run_code_file`` is the headless
``--run-code`` entry.
"""
