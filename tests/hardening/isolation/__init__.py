"""The isolation matrix: a user of another agency, tried against every route that takes an id.

Generated from the URL configuration, so a new endpoint is covered without anyone remembering:
every route with a path parameter is found by walking ``get_resolver()`` and must be classified
in ``routes.py``, by the *name* of its parameter (``ID_PARAMS``), as a public link by unguessable
token (``PUBLIC_TOKEN_ROUTES``) or as the staff-only Django admin. A parameter nobody has
classified fails ``test_every_route_that_takes_a_parameter_is_classified`` with what to add.

The cast: agency A ("Alpha Tours": alice, amir) holds a full data set (clients, an itinerary
with days and items, proposals with a live and a revoked share link, a booking with payments,
website forms with enquiries, an invitation, API tokens, and the activity all of it recorded).
Agency B ("Beta Travel": bob, bianca) holds the same kinds of records under other names. Bob
tries A's ids on every route, with every method the route allows, through the dashboard (his
session) and the API (his token). Every attempt must answer exactly what a missing id answers:
404 (``{"message": "Not found."}`` in the API), and nothing in the database may change.
The same request with B's own ids must *not* be a 404 (so no 404 here is an accident of a
wrong URL); it runs in a savepoint that is rolled back.

The parts: ``routes.py`` (the route table), ``world.py`` (the two agencies and bob's clients,
the ``world`` fixture in ``conftest.py``), ``checks.py`` (what must hold after each attempt),
and the tests: ``test_routes.py`` (every route classified), ``test_id_routes.py`` (every id
route and method, dashboard and API), ``test_lists.py`` (lists, search, pages),
``test_bodies.py`` (A's ids in bodies and prefills), ``test_public.py`` (links by token) and
``test_admin.py`` (the staff-only admin).
"""
