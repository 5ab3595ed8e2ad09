from enum import StrEnum


class ItinerariesListSortItem(StrEnum):
    CREATED_AT = "created_at"
    START_DATE = "start_date"
    TITLE = "title"
    VALUE_0 = "-created_at"
    VALUE_1 = "-start_date"
    VALUE_2 = "-title"

    def __str__(self) -> str:
        return str(self.value)
