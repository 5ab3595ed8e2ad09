from enum import StrEnum


class EnquiriesListStatus(StrEnum):
    CLOSED = "closed"
    CONVERTED = "converted"
    IN_PROGRESS = "in_progress"
    NEW = "new"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
