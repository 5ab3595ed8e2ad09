from enum import StrEnum


class TasksListSortItem(StrEnum):
    CREATED_AT = "created_at"
    DUE_DATE = "due_date"
    PRIORITY = "priority"
    VALUE_0 = "-created_at"
    VALUE_1 = "-due_date"
    VALUE_2 = "-priority"

    def __str__(self) -> str:
        return str(self.value)
