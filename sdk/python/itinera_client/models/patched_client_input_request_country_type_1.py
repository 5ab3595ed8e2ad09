from enum import StrEnum


class PatchedClientInputRequestCountryType1(StrEnum):
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
