from enum import StrEnum


class ItinerariesListFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
