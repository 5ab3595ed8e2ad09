from enum import StrEnum


class ProposalsListStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DRAFT = "draft"
    EXPIRED = "expired"
    SENT = "sent"
    VIEWED = "viewed"

    def __str__(self) -> str:
        return str(self.value)
