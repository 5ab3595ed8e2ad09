from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedItineraryTemplateUpdateRequest")


@_attrs_define
class PatchedItineraryTemplateUpdateRequest:
    """
    Attributes:
        itinerary_id (int | Unset): Replace the template's plan by this itinerary's (undated). Must be the id of a
            record of your agency: any other id is a 422 naming it (a schema cannot say which ids exist).
        name (str | Unset):
        description (None | str | Unset):
    """

    itinerary_id: int | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        itinerary_id = self.itinerary_id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if itinerary_id is not UNSET:
            field_dict["itinerary_id"] = itinerary_id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        itinerary_id = d.pop("itinerary_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        patched_itinerary_template_update_request = cls(
            itinerary_id=itinerary_id,
            name=name,
            description=description,
        )

        return patched_itinerary_template_update_request
