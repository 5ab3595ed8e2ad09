from enum import StrEnum


class BookingsListFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
