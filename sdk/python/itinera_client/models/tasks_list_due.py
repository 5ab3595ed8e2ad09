from enum import StrEnum


class TasksListDue(StrEnum):
    LATER = "later"
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
