from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.schedule_template_enum import ScheduleTemplateEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.instalment_input_request import InstalmentInputRequest


T = TypeVar("T", bound="ScheduleInputRequest")


@_attrs_define
class ScheduleInputRequest:
    """Either `instalments` (their total must equal the booking's total, else a 409 naming both)
    or a `template` with its parameters.

        Attributes:
            instalments (list[InstalmentInputRequest] | Unset):
            template (ScheduleTemplateEnum | Unset): * `full` - Full payment now
                * `deposit_balance` - Deposit now, balance before departure
                * `deposit_monthly` - Deposit now, then monthly instalments
            deposit_percent (str | Unset): 1 to 99; 30 when omitted.
            balance_days_before (int | Unset): Days before departure the balance is due; 60 when omitted.
            instalments_count (int | Unset): How many monthly instalments follow the deposit; 3 when omitted.
    """

    instalments: list[InstalmentInputRequest] | Unset = UNSET
    template: ScheduleTemplateEnum | Unset = UNSET
    deposit_percent: str | Unset = UNSET
    balance_days_before: int | Unset = UNSET
    instalments_count: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instalments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.instalments, Unset):
            instalments = []
            for instalments_item_data in self.instalments:
                instalments_item = instalments_item_data.to_dict()
                instalments.append(instalments_item)

        template: str | Unset = UNSET
        if not isinstance(self.template, Unset):
            template = self.template.value

        deposit_percent = self.deposit_percent

        balance_days_before = self.balance_days_before

        instalments_count = self.instalments_count

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instalments is not UNSET:
            field_dict["instalments"] = instalments
        if template is not UNSET:
            field_dict["template"] = template
        if deposit_percent is not UNSET:
            field_dict["deposit_percent"] = deposit_percent
        if balance_days_before is not UNSET:
            field_dict["balance_days_before"] = balance_days_before
        if instalments_count is not UNSET:
            field_dict["instalments_count"] = instalments_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instalment_input_request import InstalmentInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        _instalments = d.pop("instalments", UNSET)
        instalments: list[InstalmentInputRequest] | Unset = UNSET
        if _instalments is not UNSET:
            instalments = []
            for instalments_item_data in _instalments:
                instalments_item = InstalmentInputRequest.from_dict(instalments_item_data)

                instalments.append(instalments_item)

        _template = d.pop("template", UNSET)
        template: ScheduleTemplateEnum | Unset
        if isinstance(_template, Unset):
            template = UNSET
        else:
            template = ScheduleTemplateEnum(_template)

        deposit_percent = d.pop("deposit_percent", UNSET)

        balance_days_before = d.pop("balance_days_before", UNSET)

        instalments_count = d.pop("instalments_count", UNSET)

        schedule_input_request = cls(
            instalments=instalments,
            template=template,
            deposit_percent=deposit_percent,
            balance_days_before=balance_days_before,
            instalments_count=instalments_count,
        )

        return schedule_input_request
