from enum import StrEnum


class ServiceKindEnum(StrEnum):
    ACTIVITY = "activity"
    CRUISE = "cruise"
    FLIGHT = "flight"
    HOTEL = "hotel"
    INSURANCE = "insurance"
    OTHER = "other"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
