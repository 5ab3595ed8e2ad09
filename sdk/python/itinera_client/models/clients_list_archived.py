from enum import StrEnum


class ClientsListArchived(StrEnum):
    FALSE = "false"
    ONLY = "only"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
