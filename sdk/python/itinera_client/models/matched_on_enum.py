from enum import StrEnum


class MatchedOnEnum(StrEnum):
    EMAIL = "email"
    NAME_AND_BIRTH_DATE = "name_and_birth_date"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
