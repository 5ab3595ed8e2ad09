from enum import StrEnum


class BookingsPaymentsListFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
