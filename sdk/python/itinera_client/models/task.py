from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.priority_enum import PriorityEnum
from ..models.task_source_enum import TaskSourceEnum

T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A task: due on `due_date` (and `due_time`, when given) in the agency's timezone;
    `done_at` is set while it is done. `source` says who made it: `manual`, or the automatic
    follow-up (`lead_reply`, `proposal_follow_up`, `collect_payment`).

        Attributes:
            id (int):
            title (str):
            notes (str):
            due_date (datetime.date):
            due_time (None | str):  Example: 08:40:00.
            priority (PriorityEnum): * `low` - Low
                * `normal` - Normal
                * `high` - High
            assignee_id (int | None):
            client_id (int):
            itinerary_id (int | None):
            proposal_id (int | None):
            booking_id (int | None):
            source (TaskSourceEnum): * `manual` - Added by hand
                * `lead_reply` - New lead
                * `proposal_follow_up` - Proposal unanswered
                * `collect_payment` - Instalment due
            done_at (datetime.datetime | None):
            done_by_id (int | None):
            created_by_id (int | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
    """

    id: int
    title: str
    notes: str
    due_date: datetime.date
    due_time: None | str
    priority: PriorityEnum
    assignee_id: int | None
    client_id: int
    itinerary_id: int | None
    proposal_id: int | None
    booking_id: int | None
    source: TaskSourceEnum
    done_at: datetime.datetime | None
    done_by_id: int | None
    created_by_id: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        notes = self.notes

        due_date = self.due_date.isoformat()

        due_time: None | str
        due_time = self.due_time

        priority = self.priority.value

        assignee_id: int | None
        assignee_id = self.assignee_id

        client_id = self.client_id

        itinerary_id: int | None
        itinerary_id = self.itinerary_id

        proposal_id: int | None
        proposal_id = self.proposal_id

        booking_id: int | None
        booking_id = self.booking_id

        source = self.source.value

        done_at: None | str
        if isinstance(self.done_at, datetime.datetime):
            done_at = self.done_at.isoformat()
        else:
            done_at = self.done_at

        done_by_id: int | None
        done_by_id = self.done_by_id

        created_by_id: int | None
        created_by_id = self.created_by_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "notes": notes,
                "due_date": due_date,
                "due_time": due_time,
                "priority": priority,
                "assignee_id": assignee_id,
                "client_id": client_id,
                "itinerary_id": itinerary_id,
                "proposal_id": proposal_id,
                "booking_id": booking_id,
                "source": source,
                "done_at": done_at,
                "done_by_id": done_by_id,
                "created_by_id": created_by_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        notes = d.pop("notes")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_due_time(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        due_time = _parse_due_time(d.pop("due_time"))

        priority = PriorityEnum(d.pop("priority"))

        def _parse_assignee_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))

        client_id = d.pop("client_id")

        def _parse_itinerary_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        itinerary_id = _parse_itinerary_id(d.pop("itinerary_id"))

        def _parse_proposal_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id"))

        def _parse_booking_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        booking_id = _parse_booking_id(d.pop("booking_id"))

        source = TaskSourceEnum(d.pop("source"))

        def _parse_done_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_at_type_0 = datetime.datetime.fromisoformat(data)

                return done_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        done_at = _parse_done_at(d.pop("done_at"))

        def _parse_done_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        done_by_id = _parse_done_by_id(d.pop("done_by_id"))

        def _parse_created_by_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        created_by_id = _parse_created_by_id(d.pop("created_by_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        task = cls(
            id=id,
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
            source=source,
            done_at=done_at,
            done_by_id=done_by_id,
            created_by_id=created_by_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        task.additional_properties = d
        return task

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
