from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.gdpr_export_bookings_item import GdprExportBookingsItem
    from ..models.gdpr_export_client import GdprExportClient
    from ..models.gdpr_export_enquiries_item import GdprExportEnquiriesItem
    from ..models.gdpr_export_history_item import GdprExportHistoryItem
    from ..models.gdpr_export_itineraries_item import GdprExportItinerariesItem
    from ..models.gdpr_export_proposals_item import GdprExportProposalsItem
    from ..models.gdpr_export_tasks_item import GdprExportTasksItem


T = TypeVar("T", bound="GdprExport")


@_attrs_define
class GdprExport:
    """
    Attributes:
        exported_at (datetime.datetime):
        client (GdprExportClient): Every stored field of the client.
        itineraries (list[GdprExportItinerariesItem]): With days, items.
        proposals (list[GdprExportProposalsItem]):
        bookings (list[GdprExportBookingsItem]): With services, payments.
        enquiries (list[GdprExportEnquiriesItem]):
        tasks (list[GdprExportTasksItem]):
        history (list[GdprExportHistoryItem]):
    """

    exported_at: datetime.datetime
    client: GdprExportClient
    itineraries: list[GdprExportItinerariesItem]
    proposals: list[GdprExportProposalsItem]
    bookings: list[GdprExportBookingsItem]
    enquiries: list[GdprExportEnquiriesItem]
    tasks: list[GdprExportTasksItem]
    history: list[GdprExportHistoryItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        client = self.client.to_dict()

        itineraries = []
        for itineraries_item_data in self.itineraries:
            itineraries_item = itineraries_item_data.to_dict()
            itineraries.append(itineraries_item)

        proposals = []
        for proposals_item_data in self.proposals:
            proposals_item = proposals_item_data.to_dict()
            proposals.append(proposals_item)

        bookings = []
        for bookings_item_data in self.bookings:
            bookings_item = bookings_item_data.to_dict()
            bookings.append(bookings_item)

        enquiries = []
        for enquiries_item_data in self.enquiries:
            enquiries_item = enquiries_item_data.to_dict()
            enquiries.append(enquiries_item)

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "client": client,
                "itineraries": itineraries,
                "proposals": proposals,
                "bookings": bookings,
                "enquiries": enquiries,
                "tasks": tasks,
                "history": history,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gdpr_export_bookings_item import GdprExportBookingsItem  # noqa: PLC0415
        from ..models.gdpr_export_client import GdprExportClient  # noqa: PLC0415
        from ..models.gdpr_export_enquiries_item import GdprExportEnquiriesItem  # noqa: PLC0415
        from ..models.gdpr_export_history_item import GdprExportHistoryItem  # noqa: PLC0415
        from ..models.gdpr_export_itineraries_item import GdprExportItinerariesItem  # noqa: PLC0415
        from ..models.gdpr_export_proposals_item import GdprExportProposalsItem  # noqa: PLC0415
        from ..models.gdpr_export_tasks_item import GdprExportTasksItem  # noqa: PLC0415

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        client = GdprExportClient.from_dict(d.pop("client"))

        itineraries = []
        _itineraries = d.pop("itineraries")
        for itineraries_item_data in _itineraries:
            itineraries_item = GdprExportItinerariesItem.from_dict(itineraries_item_data)

            itineraries.append(itineraries_item)

        proposals = []
        _proposals = d.pop("proposals")
        for proposals_item_data in _proposals:
            proposals_item = GdprExportProposalsItem.from_dict(proposals_item_data)

            proposals.append(proposals_item)

        bookings = []
        _bookings = d.pop("bookings")
        for bookings_item_data in _bookings:
            bookings_item = GdprExportBookingsItem.from_dict(bookings_item_data)

            bookings.append(bookings_item)

        enquiries = []
        _enquiries = d.pop("enquiries")
        for enquiries_item_data in _enquiries:
            enquiries_item = GdprExportEnquiriesItem.from_dict(enquiries_item_data)

            enquiries.append(enquiries_item)

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = GdprExportTasksItem.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = GdprExportHistoryItem.from_dict(history_item_data)

            history.append(history_item)

        gdpr_export = cls(
            exported_at=exported_at,
            client=client,
            itineraries=itineraries,
            proposals=proposals,
            bookings=bookings,
            enquiries=enquiries,
            tasks=tasks,
            history=history,
        )

        gdpr_export.additional_properties = d
        return gdpr_export

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
