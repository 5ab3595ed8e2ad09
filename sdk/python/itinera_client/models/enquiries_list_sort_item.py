from enum import StrEnum


class EnquiriesListSortItem(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    STATUS = "status"
    VALUE_0 = "-created_at"
    VALUE_1 = "-name"
    VALUE_2 = "-status"

    def __str__(self) -> str:
        return str(self.value)
