"""The staff-only Django admin: someone who is not staff is sent to its sign-in."""

from __future__ import annotations

from tests.hardening.isolation.checks import Tally, Watcher, leaks_in, text_of
from tests.hardening.isolation.routes import ADMIN_PARAMS, classify
from tests.hardening.isolation.world import hijack_form


def test_admin_pages_send_someone_who_is_not_staff_to_sign_in(world, capsys):
    table = classify()
    tally = Tally()
    db = Watcher()
    for route in table.staff:
        values = {p: ADMIN_PARAMS[p](world.a, route.admin_model) for p in route.params}
        url = route.url(values)
        for method in ("GET", "POST"):
            got = world.send(method, url, hijack_form(world.b))
            tally.counts["attempts"] += 1
            tally.routes.add(route.route)
            if got.status_code != 302 or not got["Location"].startswith("/admin/login/"):
                tally.fail(f"{method} {url} answered {got.status_code}, not the admin sign-in")
            if leaks := leaks_in(text_of(got), world.a):
                tally.fail(f"{method} {url} shows A's {leaks}")
        if changed := db.changes():
            tally.fail(f"{route.route} changed {changed}")

    with capsys.disabled():
        print(
            f"\nisolation admin: {len(tally.routes)} staff-only routes, "
            f"{tally.counts['attempts']} attempts by a non-staff user, {len(tally.problems)} leaks"
        )
    assert tally.problems == [], "\n".join(tally.problems)
