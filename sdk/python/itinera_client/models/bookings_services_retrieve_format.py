from enum import StrEnum


class BookingsServicesRetrieveFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
