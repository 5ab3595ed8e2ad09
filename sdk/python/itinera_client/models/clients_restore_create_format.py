from enum import StrEnum


class ClientsRestoreCreateFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
