"""A grouped bar chart laid out on the server, drawn as inline SVG by a template: no chart
library, no script, nothing from a CDN. The template gives it a ``<title>`` and a ``<desc>`` and
the page shows the same figures in a table beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 12, 12, 34
TICKS = 4


@dataclass(frozen=True)
class Series:
    name: str
    css: str  # the bar's class: its colour in app.css
    values: Sequence[Decimal]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    label: str  # "Sales, June 2026: 1,250.00 EUR", for a tooltip


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    baseline: float
    bars: list[Bar]
    ticks: list[Tick]
    labels: list[Label]
    series: list[Series]


def nice_step(top: Decimal) -> Decimal:
    """A round step (1, 2 or 5 times a power of ten) so that ``TICKS`` steps reach ``top``."""
    raw = float(top) / TICKS
    if raw <= 0:
        return Decimal(1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return Decimal(str(factor * power))
    return Decimal(str(10 * power))  # pragma: no cover (10 always fits)


def _short(value: Decimal) -> str:
    number = float(value)
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(number) >= size:
            return f"{number / size:g}{suffix}"
    return f"{number:g}"


def bar_chart(
    labels: Sequence[str], series: Sequence[Series], *, names: Sequence[str], currency: str
) -> Chart:
    """Groups of bars, one group per label (a month), one bar per series; negative values are
    drawn as empty bars (the table beside the chart shows them)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = max([Decimal(0), *(v for s in series for v in s.values)])
    step = nice_step(top)
    ceiling = step * TICKS
    scale = plot_h / float(ceiling)
    baseline = TOP + plot_h
    group = plot_w / max(len(labels), 1)
    width = group * 0.8 / max(len(series), 1)
    bars = []
    for index in range(len(labels)):
        start = LEFT + group * index + group * 0.1
        for position, item in enumerate(series):
            value = max(item.values[index], Decimal(0))
            height = float(value) * scale
            bars.append(
                Bar(
                    x=round(start + width * position, 2),
                    y=round(baseline - height, 2),
                    width=round(width, 2),
                    height=round(height, 2),
                    css=item.css,
                    label=f"{item.name}, {names[index]}: {item.values[index]:,.2f} {currency}",
                )
            )
    ticks = [
        Tick(y=round(baseline - float(step * i) * scale, 2), label=_short(step * i))
        for i in range(TICKS + 1)
    ]
    every = max(1, math.ceil(len(labels) / 12))
    texts = [
        Label(x=round(LEFT + group * (i + 0.5), 2), text=label)
        for i, label in enumerate(labels)
        if i % every == 0
    ]
    return Chart(WIDTH, HEIGHT, LEFT, baseline, bars, ticks, texts, list(series))
