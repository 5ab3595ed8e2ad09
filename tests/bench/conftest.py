from __future__ import annotations

import pytest


@pytest.fixture
def _close_raw_connection():
    yield
    from bench import ceilings

    conn = getattr(ceilings._local, "conn", None)
    if conn is not None:
        conn.close()  # else the test database cannot be dropped
