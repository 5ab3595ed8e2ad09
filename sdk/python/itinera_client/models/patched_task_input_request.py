from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.priority_enum import PriorityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedTaskInputRequest")


@_attrs_define
class PatchedTaskInputRequest:
    """
    Attributes:
        title (str | Unset):
        notes (None | str | Unset):
        due_date (datetime.date | Unset):
        due_time (None | str | Unset): HH:MM (or HH:MM:SS), in the agency's timezone. Example: 08:40:00.
        priority (PriorityEnum | Unset): * `low` - Low
            * `normal` - Normal
            * `high` - High
        assignee_id (int | Unset): An active member of the agency; by default the token's user. Null is refused on an
            update. Must be the id of a record of your agency: any other id is a 422 naming it (a schema cannot say which
            ids exist).
        client_id (int | Unset): Required unless itinerary_id, proposal_id or booking_id is given (the task is then for
            that record's client). Must be the id of a record of your agency: any other id is a 422 naming it (a schema
            cannot say which ids exist).
        itinerary_id (int | None | Unset): One of the client's. Must be the id of a record of your agency: any other id
            is a 422 naming it (a schema cannot say which ids exist).
        proposal_id (int | None | Unset): One of the client's. Must be the id of a record of your agency: any other id
            is a 422 naming it (a schema cannot say which ids exist).
        booking_id (int | None | Unset): One of the client's. Must be the id of a record of your agency: any other id is
            a 422 naming it (a schema cannot say which ids exist).
    """

    title: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    due_date: datetime.date | Unset = UNSET
    due_time: None | str | Unset = UNSET
    priority: PriorityEnum | Unset = UNSET
    assignee_id: int | Unset = UNSET
    client_id: int | Unset = UNSET
    itinerary_id: int | None | Unset = UNSET
    proposal_id: int | None | Unset = UNSET
    booking_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        due_time: None | str | Unset
        if isinstance(self.due_time, Unset):
            due_time = UNSET
        else:
            due_time = self.due_time

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        assignee_id = self.assignee_id

        client_id = self.client_id

        itinerary_id: int | None | Unset
        if isinstance(self.itinerary_id, Unset):
            itinerary_id = UNSET
        else:
            itinerary_id = self.itinerary_id

        proposal_id: int | None | Unset
        if isinstance(self.proposal_id, Unset):
            proposal_id = UNSET
        else:
            proposal_id = self.proposal_id

        booking_id: int | None | Unset
        if isinstance(self.booking_id, Unset):
            booking_id = UNSET
        else:
            booking_id = self.booking_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if notes is not UNSET:
            field_dict["notes"] = notes
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if due_time is not UNSET:
            field_dict["due_time"] = due_time
        if priority is not UNSET:
            field_dict["priority"] = priority
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if itinerary_id is not UNSET:
            field_dict["itinerary_id"] = itinerary_id
        if proposal_id is not UNSET:
            field_dict["proposal_id"] = proposal_id
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _due_date = d.pop("due_date", UNSET)
        due_date: datetime.date | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = datetime.date.fromisoformat(_due_date)

        def _parse_due_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due_time = _parse_due_time(d.pop("due_time", UNSET))

        _priority = d.pop("priority", UNSET)
        priority: PriorityEnum | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = PriorityEnum(_priority)

        assignee_id = d.pop("assignee_id", UNSET)

        client_id = d.pop("client_id", UNSET)

        def _parse_itinerary_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id", UNSET))

        def _parse_proposal_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id", UNSET))

        def _parse_booking_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        booking_id = _parse_booking_id(d.pop("booking_id", UNSET))

        patched_task_input_request = cls(
            title=title,
            notes=notes,
            due_date=due_date,
            due_time=due_time,
            priority=priority,
            assignee_id=assignee_id,
            client_id=client_id,
            itinerary_id=itinerary_id,
            proposal_id=proposal_id,
            booking_id=booking_id,
        )

        return patched_task_input_request
