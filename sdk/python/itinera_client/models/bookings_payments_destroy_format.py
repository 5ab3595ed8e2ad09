from enum import StrEnum


class BookingsPaymentsDestroyFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
