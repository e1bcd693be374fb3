"""The responsiveness benchmark's parts (``benchmarks/bench_responsiveness.py`` runs them).

``harness``: the lateness timer, the watchdog that samples the GUI thread's stack, the steps a
job yields and the ``Bench`` job scripts get; ``driver``: runs the job scripts inside the
running event loop; ``jobs_*``: the jobs, by area.
"""
