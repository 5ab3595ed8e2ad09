"""A status table: the one place that says which status may follow which.

Each domain with a lifecycle (``crm/proposals/lifecycle.py``, ``crm/bookings/lifecycle.py``)
declares one ``Transitions`` and writes its status only through its own transition function,
which asks this table first. The table also says itself in words, for the OpenAPI schema.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from django.core.exceptions import ValidationError

from core.errors import Conflict


class Transitions:
    def __init__(self, noun: str, table: Mapping[str, frozenset[str]]) -> None:
        unknown = {to for targets in table.values() for to in targets} - set(table)
        if unknown:
            raise ValueError(f"Transitions to statuses with no row: {sorted(unknown)}")
        self.noun = noun
        self.table: dict[str, frozenset[str]] = dict(table)

    def allowed(self, current: str) -> frozenset[str]:
        return self.table.get(current, frozenset())

    def is_final(self, status: str) -> bool:
        return not self.allowed(status)

    def refusal(self, current: str, to: str) -> str:
        if to not in self.table:
            return f"{to!r} is not one of the {self.noun} statuses ({', '.join(self.table)})."
        return f"This {self.noun} is {current}; it cannot become {to}."

    def check(self, current: str, to: str) -> None:
        """Refuse (a ``status`` field error naming the current status) a step off the table."""
        if to not in self.allowed(current):
            # A status the table knows, off this record's path, is its state's refusal (409).
            error = Conflict if to in self.table else ValidationError
            raise error({"status": [self.refusal(current, to)]})

    def begin(self, current: str, to: str) -> bool:
        """Whether going from ``current`` to ``to`` is a change to make: False for the same
        status (no change, no event); refused with :meth:`check` when off the table."""
        if to == current:
            return False
        self.check(current, to)
        return True

    def pairs(self) -> set[tuple[str, str]]:
        return {(status, to) for status, targets in self.table.items() for to in targets}

    def path(self, start: str, to: str) -> list[str]:
        """The shortest walk of allowed steps from ``start`` to ``to`` (without ``start``)."""
        previous: dict[str, str] = {}
        queue = deque([start])
        while queue:
            status = queue.popleft()
            if status == to:
                steps = []
                while status != start:
                    steps.append(status)
                    status = previous[status]
                return steps[::-1]
            for following in sorted(self.allowed(status)):
                if following not in previous and following != start:
                    previous[following] = status
                    queue.append(following)
        self.check(start, to)  # unreachable: refuse with the first step's message
        return []

    def describe(self) -> str:
        """The table in words: ``draft → sent; sent → viewed, accepted. Final: accepted.``"""
        moves = [
            f"{status} → {', '.join(sorted(targets))}"
            for status, targets in self.table.items()
            if targets
        ]
        final = [status for status, targets in self.table.items() if not targets]
        text = "Allowed changes: " + "; ".join(moves) + "."
        if final:
            text += f" Final (never change again): {', '.join(final)}."
        return text
