from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_import_status_enum import ClientImportStatusEnum

if TYPE_CHECKING:
    from ..models.client_import_mapping import ClientImportMapping


T = TypeVar("T", bound="ClientImport")


@_attrs_define
class ClientImport:
    """An import: its file, mapping, progress and report.

    Attributes:
        id (int):
        filename (str):
        status (ClientImportStatusEnum): * `uploaded` - Uploaded
            * `queued` - Queued
            * `running` - Running
            * `done` - Done
            * `failed` - Failed
        header (list[str]):
        mapping (ClientImportMapping): Column position (as a string) to client field: {"0": "name", "1": "email"}.
        total_rows (int | None): About (lines).
        processed (int):
        percent (int):
        created (int):
        merged (int):
        skipped (int):
        failed (int):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: int
    filename: str
    status: ClientImportStatusEnum
    header: list[str]
    mapping: ClientImportMapping
    total_rows: int | None
    processed: int
    percent: int
    created: int
    merged: int
    skipped: int
    failed: int
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        filename = self.filename

        status = self.status.value

        header = self.header

        mapping = self.mapping.to_dict()

        total_rows: int | None
        total_rows = self.total_rows

        processed = self.processed

        percent = self.percent

        created = self.created

        merged = self.merged

        skipped = self.skipped

        failed = self.failed

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "filename": filename,
                "status": status,
                "header": header,
                "mapping": mapping,
                "total_rows": total_rows,
                "processed": processed,
                "percent": percent,
                "created": created,
                "merged": merged,
                "skipped": skipped,
                "failed": failed,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_import_mapping import ClientImportMapping  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        filename = d.pop("filename")

        status = ClientImportStatusEnum(d.pop("status"))

        header = cast(list[str], d.pop("header"))

        mapping = ClientImportMapping.from_dict(d.pop("mapping"))

        def _parse_total_rows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_rows = _parse_total_rows(d.pop("total_rows"))

        processed = d.pop("processed")

        percent = d.pop("percent")

        created = d.pop("created")

        merged = d.pop("merged")

        skipped = d.pop("skipped")

        failed = d.pop("failed")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        client_import = cls(
            id=id,
            filename=filename,
            status=status,
            header=header,
            mapping=mapping,
            total_rows=total_rows,
            processed=processed,
            percent=percent,
            created=created,
            merged=merged,
            skipped=skipped,
            failed=failed,
            created_at=created_at,
            finished_at=finished_at,
        )

        client_import.additional_properties = d
        return client_import

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
