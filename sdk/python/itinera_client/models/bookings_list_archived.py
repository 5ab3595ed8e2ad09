from enum import StrEnum


class BookingsListArchived(StrEnum):
    FALSE = "false"
    ONLY = "only"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
