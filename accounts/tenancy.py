"""The one place where tenant data is scoped to an agency.

Every CRM model inherits ``TenantModel``; every read of tenant data goes through
``Model.objects.for_agency(agency)`` (selectors, the API base viewset, the dashboard mixin).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.db import models

if TYPE_CHECKING:
    from accounts.models import Agency


class TenantQuerySet(models.QuerySet):
    def for_agency(self, agency: Agency | int | None) -> Self:
        if agency is None:
            # A user without an agency (a bare superuser) sees no tenant data at all.
            return self.none()
        agency_id = agency if isinstance(agency, int) else agency.pk
        return self.filter(agency_id=agency_id)


class TenantModel(models.Model):
    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True
