from enum import StrEnum


class ClientsContactsRemoveCreateFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
