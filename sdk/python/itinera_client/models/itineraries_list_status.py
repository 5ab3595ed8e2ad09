from enum import StrEnum


class ItinerariesListStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    CONFIRMED = "confirmed"
    DRAFT = "draft"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
