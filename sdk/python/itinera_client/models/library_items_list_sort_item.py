from enum import StrEnum


class LibraryItemsListSortItem(StrEnum):
    CREATED_AT = "created_at"
    KIND = "kind"
    TITLE = "title"
    VALUE_0 = "-created_at"
    VALUE_1 = "-kind"
    VALUE_2 = "-title"

    def __str__(self) -> str:
        return str(self.value)
