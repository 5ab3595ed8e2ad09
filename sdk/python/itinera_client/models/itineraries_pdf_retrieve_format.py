from enum import StrEnum


class ItinerariesPdfRetrieveFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
