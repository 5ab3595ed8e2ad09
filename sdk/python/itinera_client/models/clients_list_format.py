from enum import StrEnum


class ClientsListFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
