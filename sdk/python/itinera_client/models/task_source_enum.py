from enum import StrEnum


class TaskSourceEnum(StrEnum):
    COLLECT_PAYMENT = "collect_payment"
    LEAD_REPLY = "lead_reply"
    MANUAL = "manual"
    PROPOSAL_FOLLOW_UP = "proposal_follow_up"

    def __str__(self) -> str:
        return str(self.value)
