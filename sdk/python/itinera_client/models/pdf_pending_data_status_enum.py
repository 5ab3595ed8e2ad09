from enum import StrEnum


class PdfPendingDataStatusEnum(StrEnum):
    FAILED = "failed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
