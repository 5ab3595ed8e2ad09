"""How bench/run merges a scenario's rounds (bench/throughput/measure.py)."""

from __future__ import annotations

from bench.throughput.measure import Result, combine


def _round(rps: float, p95: float, *, skipped: str = "") -> Result:
    result = Result("api_lead_post", "API: lead POST", "api", "/api/v1/clients")
    result.requests, result.seconds, result.rps = int(rps * 3), 3.0, rps
    result.p50, result.p95, result.p99 = p95 / 2, p95, p95 * 1.2
    result.statuses = {"201": result.requests}
    result.skipped = skipped
    return result


def test_a_skipped_round_is_left_out_of_the_rate_and_the_percentiles():
    merged = combine([_round(200, 20), _round(0, 0, skipped="409"), _round(100, 30)])
    assert merged.requests == 900 and merged.seconds == 6.0 and merged.rps == 150.0
    assert merged.p95 == 25.0  # the median of 20 and 30, not of 0, 20 and 30
    assert len(merged.rounds) == 2


def test_a_scenario_skipped_in_every_round_stays_skipped():
    merged = combine([_round(0, 0, skipped="409"), _round(0, 0, skipped="409")])
    assert merged.skipped == "409"
