from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pdf_status_enum import PdfStatusEnum

if TYPE_CHECKING:
    from ..models.invoice_content import InvoiceContent


T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """An issued invoice: frozen, voided (never deleted) to correct it.

    Attributes:
        id (int):
        booking_id (int):
        number (int): The number in the agency's series: 1, 2, 3... without gaps.
        reference (str): The number as printed, e.g. `INV-2026-0001`.
        issued_on (datetime.date): The date of issue, in the agency's timezone.
        issued_at (datetime.datetime):
        issued_by_id (int | None):
        currency (str):
        total (str):
        is_voided (bool):
        voided_at (datetime.datetime | None):
        void_reason (str):
        pdf_status (PdfStatusEnum): * `pending` - Being prepared
            * `ready` - Ready
        content (InvoiceContent): What the document froze at issue: the agency's letterhead, the client, the booking,
            and for an invoice its `lines`, `totals` and `schedule` (a receipt has `payment` and `totals`). Money as decimal
            strings, dates `YYYY-MM-DD`.
    """

    id: int
    booking_id: int
    number: int
    reference: str
    issued_on: datetime.date
    issued_at: datetime.datetime
    issued_by_id: int | None
    currency: str
    total: str
    is_voided: bool
    voided_at: datetime.datetime | None
    void_reason: str
    pdf_status: PdfStatusEnum
    content: InvoiceContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        number = self.number

        reference = self.reference

        issued_on = self.issued_on.isoformat()

        issued_at = self.issued_at.isoformat()

        issued_by_id: int | None
        issued_by_id = self.issued_by_id

        currency = self.currency

        total = self.total

        is_voided = self.is_voided

        voided_at: None | str
        if isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at

        void_reason = self.void_reason

        pdf_status = self.pdf_status.value

        content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "booking_id": booking_id,
                "number": number,
                "reference": reference,
                "issued_on": issued_on,
                "issued_at": issued_at,
                "issued_by_id": issued_by_id,
                "currency": currency,
                "total": total,
                "is_voided": is_voided,
                "voided_at": voided_at,
                "void_reason": void_reason,
                "pdf_status": pdf_status,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_content import InvoiceContent  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        booking_id = d.pop("booking_id")

        number = d.pop("number")

        reference = d.pop("reference")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        def _parse_issued_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        issued_by_id = _parse_issued_by_id(d.pop("issued_by_id"))

        currency = d.pop("currency")

        total = d.pop("total")

        is_voided = d.pop("is_voided")

        def _parse_voided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)

                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        voided_at = _parse_voided_at(d.pop("voided_at"))

        void_reason = d.pop("void_reason")

        pdf_status = PdfStatusEnum(d.pop("pdf_status"))

        content = InvoiceContent.from_dict(d.pop("content"))

        invoice = cls(
            id=id,
            booking_id=booking_id,
            number=number,
            reference=reference,
            issued_on=issued_on,
            issued_at=issued_at,
            issued_by_id=issued_by_id,
            currency=currency,
            total=total,
            is_voided=is_voided,
            voided_at=voided_at,
            void_reason=void_reason,
            pdf_status=pdf_status,
            content=content,
        )

        invoice.additional_properties = d
        return invoice

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
