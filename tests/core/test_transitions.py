"""core.transitions: a status table refuses what it does not list, walks what it does, and
says itself in words."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.transitions import Transitions

TABLE = Transitions(
    "order",
    {
        "new": frozenset({"paid", "void"}),
        "paid": frozenset({"shipped"}),
        "shipped": frozenset(),
        "void": frozenset(),
    },
)


def test_a_step_off_the_table_is_a_status_error_naming_the_current_status():
    with pytest.raises(ValidationError) as refused:
        TABLE.check("shipped", "new")
    assert refused.value.message_dict == {
        "status": ["This order is shipped; it cannot become new."]
    }


def test_an_unknown_status_is_refused_as_unknown():
    with pytest.raises(ValidationError) as refused:
        TABLE.check("new", "lost")
    assert refused.value.message_dict == {
        "status": ["'lost' is not one of the order statuses (new, paid, shipped, void)."]
    }


def test_the_path_is_the_shortest_walk_of_allowed_steps():
    assert TABLE.path("new", "shipped") == ["paid", "shipped"]
    assert TABLE.path("new", "new") == []


def test_an_unreachable_status_has_no_path():
    with pytest.raises(ValidationError):
        TABLE.path("void", "paid")


def test_a_table_naming_a_status_without_a_row_is_a_mistake():
    with pytest.raises(ValueError):
        Transitions("order", {"new": frozenset({"gone"})})


def test_the_table_says_itself_in_words():
    assert TABLE.describe() == (
        "Allowed changes: new → paid, void; paid → shipped. "
        "Final (never change again): shipped, void."
    )
    assert TABLE.is_final("void") and not TABLE.is_final("new")
