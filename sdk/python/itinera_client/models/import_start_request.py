from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_start_request_mapping import ImportStartRequestMapping


T = TypeVar("T", bound="ImportStartRequest")


@_attrs_define
class ImportStartRequest:
    """
    Attributes:
        mapping (ImportStartRequestMapping | Unset): Column position (counted from 0, as a string) to client field, ""
            to skip it; without it, the guessed mapping. Each field takes one column at most (a 422 naming it: a schema
            cannot say that an object's values differ).
    """

    mapping: ImportStartRequestMapping | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mapping: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = self.mapping.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.mapping, Unset):
            files.append(("mapping", (None, json.dumps(self.mapping.to_dict()).encode(), "application/json")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_start_request_mapping import ImportStartRequestMapping  # noqa: PLC0415

        d = dict(src_dict)
        _mapping = d.pop("mapping", UNSET)
        mapping: ImportStartRequestMapping | Unset
        if isinstance(_mapping, Unset):
            mapping = UNSET
        else:
            mapping = ImportStartRequestMapping.from_dict(_mapping)

        import_start_request = cls(
            mapping=mapping,
        )

        return import_start_request
