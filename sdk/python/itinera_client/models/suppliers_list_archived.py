from enum import StrEnum


class SuppliersListArchived(StrEnum):
    FALSE = "false"
    ONLY = "only"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
