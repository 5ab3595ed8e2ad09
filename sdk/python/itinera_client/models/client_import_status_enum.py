from enum import StrEnum


class ClientImportStatusEnum(StrEnum):
    DONE = "done"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"
    UPLOADED = "uploaded"

    def __str__(self) -> str:
        return str(self.value)
