from enum import StrEnum


class BookingsListSortItem(StrEnum):
    CREATED_AT = "created_at"
    START_DATE = "start_date"
    TOTAL_PRICE = "total_price"
    VALUE_0 = "-created_at"
    VALUE_1 = "-start_date"
    VALUE_2 = "-total_price"

    def __str__(self) -> str:
        return str(self.value)
