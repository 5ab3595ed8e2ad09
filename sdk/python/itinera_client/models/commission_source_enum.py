from enum import StrEnum


class CommissionSourceEnum(StrEnum):
    SUPPLIER_RATE = "supplier_rate"
    TYPED = "typed"

    def __str__(self) -> str:
        return str(self.value)
