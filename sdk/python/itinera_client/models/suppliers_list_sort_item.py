from enum import StrEnum


class SuppliersListSortItem(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    UPDATED_AT = "updated_at"
    VALUE_0 = "-created_at"
    VALUE_1 = "-name"
    VALUE_2 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
