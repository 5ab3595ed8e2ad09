from enum import StrEnum


class ProposalsListFormat(StrEnum):
    CSV = "csv"

    def __str__(self) -> str:
        return str(self.value)
