"""The bench-only Django app (label ``bench``): the benchmark data generator, the ceiling
endpoints and the scripts that drive a real server (``bench/run``, ``bench/faults.py``,
``bench/soak.py``). Installed by ``bench.settings`` and the test settings, never by
``config.settings``: production neither loads nor mounts any of it. See bench/README.md.
"""
