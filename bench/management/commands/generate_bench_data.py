"""Load a deterministic benchmark dataset: ``generate_bench_data --clients 1000000``.

What it loads and how: ``bench.datagen``. This command reads the options, then loads
(``bench.datagen.loader``) what the generator draws (``bench.datagen.generator``) and writes
the manifest of tokens, ids and search terms (``bench.datagen.manifest``).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from bench.datagen import loader
from bench.datagen.generator import DEFAULT_UNTIL, Generator
from bench.datagen.manifest import bench_agencies, build_manifest, issue_tokens, write_manifest

DEFAULT_MANIFEST = Path(settings.BASE_DIR) / "bench" / "results" / "tokens.json"


def parse_size(text: str) -> int:
    """``10000``, ``10k``, ``1m`` or ``1M``."""
    text = str(text).strip().lower().replace("_", "")
    factor = 1
    if text.endswith("k"):
        factor, text = 1_000, text[:-1]
    elif text.endswith("m"):
        factor, text = 1_000_000, text[:-1]
    try:
        value = int(float(text) * factor)
    except ValueError as exc:
        raise CommandError(f"Not a size: {text!r} (use e.g. 10000, 100k, 1m).") from exc
    if value < 1:
        raise CommandError("The number of clients must be positive.")
    return value


class Command(BaseCommand):
    help = (
        "Load a deterministic benchmark dataset (bench agencies, clients, itineraries, "
        "proposals, bookings) and write the bench tokens to a manifest."
    )
    requires_system_checks: list[str] = []  # a data loader: it needs the models, not the urls

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", default="10000", help="How many clients: 10000, 100k, 1m")
        parser.add_argument("--agencies", type=int, help="Default: max(8, clients / 2000)")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="First delete every agency, user and CRM row (refused unless the database "
            "name contains 'bench' or 'test', or it is SQLite)",
        )
        parser.add_argument(
            "--tokens-only",
            action="store_true",
            help="Keep the data; issue fresh tokens and rewrite the manifest",
        )
        parser.add_argument("--no-vacuum", action="store_true", help="Skip VACUUM ANALYZE")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        manifest_path: Path = options["manifest"]
        if options["tokens_only"]:
            tokens = issue_tokens()
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # Each run replaces every bench token: keep the token table from bloating.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM (ANALYZE) accounts_apitoken")
            manifest = build_manifest(tokens=tokens, seed=None)
            write_manifest(manifest_path, manifest)
            self.stdout.write(f"Issued {len(manifest['agencies'])} bench tokens: {manifest_path}")
            return
        n_clients = parse_size(options["clients"])
        n_agencies = options["agencies"] or max(8, n_clients // 2000)
        if options["reset"]:
            loader.reset()
        elif bench_agencies().exists():
            raise CommandError("Bench data is already loaded here; add --reset to replace it.")
        gen = Generator(
            clients=n_clients,
            agencies=n_agencies,
            seed=options["seed"],
            until=DEFAULT_UNTIL,
            log=self.stdout.write,
        )
        loader.load(gen, self.stdout.write)
        if connection.vendor == "postgresql" and not options["no_vacuum"]:
            loader.step(self.stdout.write, "VACUUM ANALYZE", loader.vacuum)
        manifest = build_manifest(tokens=issue_tokens(), seed=options["seed"])
        write_manifest(manifest_path, manifest)
        self.stdout.write(
            f"Loaded {n_clients} clients in {n_agencies} agencies "
            f"(largest: {manifest['largest']['clients']}), {len(gen.trips)} itineraries, "
            f"in {time.monotonic() - started:.0f}s. Manifest: {manifest_path}"
        )
