"""What the bench scripts share, standard library only (they run before Django is set up, and
drive the server from outside): paths and logging (``common``), one HTTP request on a fresh
connection and the dashboard sign-in (``web``), a gunicorn of the project's own (``server``)
and one SQL statement on a database URL (``db``)."""
