from enum import StrEnum


class ClientsListStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    LEAD = "lead"

    def __str__(self) -> str:
        return str(self.value)
