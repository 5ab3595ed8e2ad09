from enum import StrEnum


class ScheduleTemplateEnum(StrEnum):
    DEPOSIT_BALANCE = "deposit_balance"
    DEPOSIT_MONTHLY = "deposit_monthly"
    FULL = "full"

    def __str__(self) -> str:
        return str(self.value)
