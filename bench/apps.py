from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Installed only by ``bench.settings`` (and the test settings): it brings the
    ``generate_bench_data`` command; its ceilings are mounted by ``bench.urls``."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
