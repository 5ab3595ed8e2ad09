from enum import StrEnum


class ProposalsListSortItem(StrEnum):
    CREATED_AT = "created_at"
    TOTAL_PRICE = "total_price"
    VALID_UNTIL = "valid_until"
    VALUE_0 = "-created_at"
    VALUE_1 = "-total_price"
    VALUE_2 = "-valid_until"

    def __str__(self) -> str:
        return str(self.value)
