from enum import StrEnum


class ProposalsListSortItem(StrEnum):
    CREATED_AT = "created_at"
    TITLE = "title"
    TOTAL_PRICE = "total_price"
    VALID_UNTIL = "valid_until"
    VALUE_0 = "-created_at"
    VALUE_1 = "-title"
    VALUE_2 = "-total_price"
    VALUE_3 = "-valid_until"

    def __str__(self) -> str:
        return str(self.value)
