from enum import StrEnum


class InstalmentStateEnum(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    PAID = "paid"
    PART_PAID = "part_paid"

    def __str__(self) -> str:
        return str(self.value)
