import pytest

from api.serializers import max_length_of
from crm.models import Client


def test_it_lifts_the_limit_of_a_column():
    assert max_length_of(Client, "name") == Client._meta.get_field("name").max_length


def test_it_refuses_a_column_without_a_limit():
    with pytest.raises(TypeError, match=r"crm\.Client\.notes has no max_length"):
        max_length_of(Client, "notes")


def test_it_refuses_a_relation_seen_from_the_other_side():
    with pytest.raises(TypeError, match="has no max_length"):
        max_length_of(Client, "bookings")
