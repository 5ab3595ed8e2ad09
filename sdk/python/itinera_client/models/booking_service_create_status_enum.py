from enum import StrEnum


class BookingServiceCreateStatusEnum(StrEnum):
    CONFIRMED = "confirmed"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
