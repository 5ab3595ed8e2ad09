from enum import StrEnum


class TasksListStatus(StrEnum):
    ALL = "all"
    DONE = "done"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
