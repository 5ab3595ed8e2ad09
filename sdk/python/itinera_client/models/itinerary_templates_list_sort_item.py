from enum import StrEnum


class ItineraryTemplatesListSortItem(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    VALUE_0 = "-created_at"
    VALUE_1 = "-name"

    def __str__(self) -> str:
        return str(self.value)
