from enum import StrEnum


class EnquiryStatusEnum(StrEnum):
    CLOSED = "closed"
    CONVERTED = "converted"
    IN_PROGRESS = "in_progress"
    NEW = "new"

    def __str__(self) -> str:
        return str(self.value)
