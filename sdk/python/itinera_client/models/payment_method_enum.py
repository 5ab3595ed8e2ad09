from enum import StrEnum


class PaymentMethodEnum(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    CHEQUE = "cheque"
    OTHER = "other"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
