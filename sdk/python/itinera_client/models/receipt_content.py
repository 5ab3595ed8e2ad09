from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.receipt_content_agency import ReceiptContentAgency
    from ..models.receipt_content_booking import ReceiptContentBooking
    from ..models.receipt_content_client import ReceiptContentClient
    from ..models.receipt_content_lines_item import ReceiptContentLinesItem
    from ..models.receipt_content_payment import ReceiptContentPayment
    from ..models.receipt_content_schedule_item import ReceiptContentScheduleItem
    from ..models.receipt_content_totals import ReceiptContentTotals


T = TypeVar("T", bound="ReceiptContent")


@_attrs_define
class ReceiptContent:
    """What the document froze at issue: the agency's letterhead, the client, the booking, and for an invoice its `lines`,
    `totals` and `schedule` (a receipt has `payment` and `totals`). Money as decimal strings, dates `YYYY-MM-DD`.

        Attributes:
            agency (ReceiptContentAgency):
            client (ReceiptContentClient):
            booking (ReceiptContentBooking):
            currency (str):
            totals (ReceiptContentTotals):
            lines (list[ReceiptContentLinesItem] | Unset):
            schedule (list[ReceiptContentScheduleItem] | Unset):
            payment (ReceiptContentPayment | Unset):
    """

    agency: ReceiptContentAgency
    client: ReceiptContentClient
    booking: ReceiptContentBooking
    currency: str
    totals: ReceiptContentTotals
    lines: list[ReceiptContentLinesItem] | Unset = UNSET
    schedule: list[ReceiptContentScheduleItem] | Unset = UNSET
    payment: ReceiptContentPayment | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency.to_dict()

        client = self.client.to_dict()

        booking = self.booking.to_dict()

        currency = self.currency

        totals = self.totals.to_dict()

        lines: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.lines, Unset):
            lines = []
            for lines_item_data in self.lines:
                lines_item = lines_item_data.to_dict()
                lines.append(lines_item)

        schedule: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schedule, Unset):
            schedule = []
            for schedule_item_data in self.schedule:
                schedule_item = schedule_item_data.to_dict()
                schedule.append(schedule_item)

        payment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payment, Unset):
            payment = self.payment.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agency": agency,
                "client": client,
                "booking": booking,
                "currency": currency,
                "totals": totals,
            }
        )
        if lines is not UNSET:
            field_dict["lines"] = lines
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if payment is not UNSET:
            field_dict["payment"] = payment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_content_agency import ReceiptContentAgency  # noqa: PLC0415
        from ..models.receipt_content_booking import ReceiptContentBooking  # noqa: PLC0415
        from ..models.receipt_content_client import ReceiptContentClient  # noqa: PLC0415
        from ..models.receipt_content_lines_item import ReceiptContentLinesItem  # noqa: PLC0415
        from ..models.receipt_content_payment import ReceiptContentPayment  # noqa: PLC0415
        from ..models.receipt_content_schedule_item import ReceiptContentScheduleItem  # noqa: PLC0415
        from ..models.receipt_content_totals import ReceiptContentTotals  # noqa: PLC0415

        d = dict(src_dict)
        agency = ReceiptContentAgency.from_dict(d.pop("agency"))

        client = ReceiptContentClient.from_dict(d.pop("client"))

        booking = ReceiptContentBooking.from_dict(d.pop("booking"))

        currency = d.pop("currency")

        totals = ReceiptContentTotals.from_dict(d.pop("totals"))

        _lines = d.pop("lines", UNSET)
        lines: list[ReceiptContentLinesItem] | Unset = UNSET
        if _lines is not UNSET:
            lines = []
            for lines_item_data in _lines:
                lines_item = ReceiptContentLinesItem.from_dict(lines_item_data)

                lines.append(lines_item)

        _schedule = d.pop("schedule", UNSET)
        schedule: list[ReceiptContentScheduleItem] | Unset = UNSET
        if _schedule is not UNSET:
            schedule = []
            for schedule_item_data in _schedule:
                schedule_item = ReceiptContentScheduleItem.from_dict(schedule_item_data)

                schedule.append(schedule_item)

        _payment = d.pop("payment", UNSET)
        payment: ReceiptContentPayment | Unset
        if isinstance(_payment, Unset):
            payment = UNSET
        else:
            payment = ReceiptContentPayment.from_dict(_payment)

        receipt_content = cls(
            agency=agency,
            client=client,
            booking=booking,
            currency=currency,
            totals=totals,
            lines=lines,
            schedule=schedule,
            payment=payment,
        )

        receipt_content.additional_properties = d
        return receipt_content

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
