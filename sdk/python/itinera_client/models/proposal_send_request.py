from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProposalSendRequest")


@_attrs_define
class ProposalSendRequest:
    """
    Attributes:
        subject (str | Unset): The default names the proposal.
        message (str | Unset): The email's message; the default greets the client with the proposal's own message.
    """

    subject: str | Unset = UNSET
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject = self.subject

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if subject is not UNSET:
            field_dict["subject"] = subject
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject = d.pop("subject", UNSET)

        message = d.pop("message", UNSET)

        proposal_send_request = cls(
            subject=subject,
            message=message,
        )

        return proposal_send_request
