from enum import StrEnum


class LibraryItemsListKind(StrEnum):
    ACCOMMODATION = "accommodation"
    ACTIVITY = "activity"
    FLIGHT = "flight"
    MEAL = "meal"
    NOTE = "note"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
