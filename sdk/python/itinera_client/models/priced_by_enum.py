from enum import StrEnum


class PricedByEnum(StrEnum):
    BOOKING = "booking"
    SERVICES = "services"

    def __str__(self) -> str:
        return str(self.value)
