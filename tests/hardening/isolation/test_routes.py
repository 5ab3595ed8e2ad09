"""Every route that takes a parameter is classified, and a new one nobody classified fails
with what to add."""

from __future__ import annotations

from django.urls import URLResolver, get_resolver, path

from tests.hardening.isolation.routes import PUBLIC_TOKEN_ROUTES, classify


def test_every_route_that_takes_a_parameter_is_classified():
    table = classify()

    assert table.unclassified == [], "\n".join(table.unclassified)
    assert table.by_id, "no id route found: is the URL walk broken?"
    assert {r.name for r in table.public} == set(PUBLIC_TOKEN_ROUTES)


def test_a_new_id_route_nobody_classified_fails_with_what_to_add():
    def widget_detail(request, widget_id):  # pragma: no cover - never called
        raise AssertionError

    resolver = URLResolver(
        get_resolver().pattern,
        [*get_resolver().url_patterns, path("widgets/<int:widget_id>/", widget_detail)],
    )

    table = classify(resolver)

    assert len(table.unclassified) == 1
    message = table.unclassified[0]
    assert "/widgets/<int:widget_id>/" in message
    assert "'widget_id'" in message
    assert "ID_PARAMS" in message
