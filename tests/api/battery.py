"""The generic battery every resource's tests inherit (one class per resource subclasses it).

It proves what the one tenant boundary (``api.base.TenantViewSet``) promises: no token, no
data; another agency's record answers exactly like a missing one on every method and never
appears in a list; bodies are enveloped; list and detail run a constant number of queries.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from accounts.tenancy import TenantModel
from tests.api.conftest import Api

NOT_FOUND = {"message": "Not found."}


class ResourceBattery:
    """Subclasses set ``path``, ``model``, the query budgets and implement ``make`` and
    ``write_body``."""

    path: ClassVar[str]
    model: ClassVar[type[TenantModel]]  # every API resource is a tenant's
    list_queries: ClassVar[int] = 3  # token lookup, count, page
    detail_queries: ClassVar[int] = 2  # token lookup, the record

    def make(self, agency: Any, **fields: Any) -> models.Model:
        raise NotImplementedError

    def make_many(self, agency: Any, count: int) -> None:
        for _ in range(count):
            self.make(agency)

    def write_body(self, agency: Any) -> dict[str, Any]:
        """A complete, valid body for PUT (and POST) in ``agency``."""
        raise NotImplementedError

    def detail(self, record: models.Model) -> str:
        return f"{self.path}/{record.pk}"

    # No token ---------------------------------------------------------------------------------

    def test_it_refuses_the_list_without_a_token(self, anonymous: Api):
        response = anonymous.get(self.path)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert response.json()["message"]

    def test_it_refuses_a_record_without_a_token(self, anonymous: Api, agency):
        record = self.make(agency)
        for method in ("GET", "PATCH", "PUT", "DELETE"):
            response = anonymous.request(method, self.detail(record), {})
            assert response.status_code == 401, method
            assert response["WWW-Authenticate"].startswith("Bearer")
        assert self.model.objects.filter(pk=record.pk).exists()

    def test_it_refuses_a_create_without_a_token(self, anonymous: Api, agency):
        before = self.model.objects.count()
        response = anonymous.post(self.path, self.write_body(agency))
        assert response.status_code == 401
        assert self.model.objects.count() == before

    # Another agency's records ------------------------------------------------------------------

    def test_another_agencys_record_is_404_on_get_like_a_missing_one(self, api: Api, other_agency):
        record = self.make(other_agency)
        response = api.get(self.detail(record))
        missing = api.get(f"{self.path}/999999999")
        assert response.status_code == missing.status_code == 404
        assert response.json() == missing.json() == NOT_FOUND

    def test_another_agencys_record_is_404_on_patch_and_stays_unchanged(
        self, api: Api, agency, other_agency
    ):
        record = self.make(other_agency)
        before = self.model.objects.filter(pk=record.pk).values().get()
        response = api.patch(self.detail(record), self.write_body(agency))
        assert response.status_code == 404
        assert response.json() == NOT_FOUND
        assert self.model.objects.filter(pk=record.pk).values().get() == before

    def test_another_agencys_record_is_404_on_put_and_stays_unchanged(
        self, api: Api, agency, other_agency
    ):
        record = self.make(other_agency)
        before = self.model.objects.filter(pk=record.pk).values().get()
        response = api.put(self.detail(record), self.write_body(agency))
        assert response.status_code == 404
        assert response.json() == NOT_FOUND
        assert self.model.objects.filter(pk=record.pk).values().get() == before

    def test_another_agencys_record_is_404_on_delete_and_survives(self, api: Api, other_agency):
        record = self.make(other_agency)
        response = api.delete(self.detail(record))
        assert response.status_code == 404
        assert response.json() == NOT_FOUND
        assert self.model.objects.filter(pk=record.pk).exists()

    def test_another_agencys_records_are_absent_from_the_list(self, api: Api, agency, other_agency):
        mine = self.make(agency)
        self.make(other_agency)
        body = api.get(self.path).json()
        assert [row["id"] for row in body["data"]] == [mine.pk]
        assert body["meta"]["total"] == 1

    # Envelope ------------------------------------------------------------------------------------

    def test_a_list_is_data_with_meta(self, api: Api, agency):
        self.make_many(agency, 3)
        response = api.get(self.path)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert set(body) == {"data", "meta"}
        assert len(body["data"]) == 3
        assert body["meta"] == {"current_page": 1, "last_page": 1, "per_page": 25, "total": 3}

    def test_a_record_is_wrapped_in_data(self, api: Api, agency):
        record = self.make(agency)
        body = api.get(self.detail(record)).json()
        assert set(body) == {"data"}
        assert body["data"]["id"] == record.pk

    def test_a_create_answers_201_with_the_new_record(self, api: Api, agency):
        response = api.post(self.path, self.write_body(agency))
        assert response.status_code == 201, response.json()
        data = response.json()["data"]
        assert self.model.objects.filter(pk=data["id"], agency=agency).exists()

    def test_a_put_answers_200_with_the_record(self, api: Api, agency):
        record = self.make(agency)
        response = api.put(self.detail(record), self.write_body(agency))
        assert response.status_code == 200, response.json()
        assert response.json()["data"]["id"] == record.pk

    def test_a_delete_answers_204_without_a_body(self, api: Api, agency):
        record = self.make(agency)
        response = api.delete(self.detail(record))
        assert response.status_code == 204
        assert response.content == b""
        assert not self.model.objects.filter(pk=record.pk).exists()

    def test_a_missing_record_is_404(self, api: Api):
        assert api.get(f"{self.path}/424242").status_code == 404

    def test_a_read_only_token_may_read_but_not_write(self, agency, alice):
        from tests.factories import make_token

        reader = Api(make_token(alice, read_only=True).plaintext)
        record = self.make(agency)
        assert reader.get(self.path).status_code == 200
        assert reader.get(self.detail(record)).status_code == 200
        for method, path in (
            ("POST", self.path),
            ("PUT", self.detail(record)),
            ("PATCH", self.detail(record)),
            ("DELETE", self.detail(record)),
        ):
            response = reader.request(method, path, self.write_body(agency))
            assert response.status_code == 403, method
            assert response.json() == {"message": "This token is read-only."}
        assert self.model.objects.filter(pk=record.pk).exists()

    # Query counts ------------------------------------------------------------------------------

    def test_the_list_runs_the_same_queries_for_5_and_50_rows(
        self, api: Api, agency, django_assert_num_queries
    ):
        self.make_many(agency, 5)
        with django_assert_num_queries(self.list_queries):
            assert len(api.get(f"{self.path}?per_page=100").json()["data"]) == 5
        self.make_many(agency, 45)
        with django_assert_num_queries(self.list_queries):
            assert len(api.get(f"{self.path}?per_page=100").json()["data"]) == 50

    def test_a_record_is_read_in_a_fixed_number_of_queries(
        self, api: Api, agency, django_assert_num_queries
    ):
        record = self.make(agency)
        with django_assert_num_queries(self.detail_queries):
            assert api.get(self.detail(record)).status_code == 200
