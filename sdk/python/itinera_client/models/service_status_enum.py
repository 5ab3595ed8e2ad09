from enum import StrEnum


class ServiceStatusEnum(StrEnum):
    CANCELLED = "cancelled"
    CONFIRMED = "confirmed"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
