from enum import StrEnum


class GenderEnum(StrEnum):
    F = "F"
    M = "M"
    X = "X"

    def __str__(self) -> str:
        return str(self.value)
