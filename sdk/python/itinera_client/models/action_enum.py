from enum import StrEnum


class ActionEnum(StrEnum):
    CREATE = "create"
    DELETE = "delete"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    TOKEN_CREATE = "token_create"
    TOKEN_REVOKE = "token_revoke"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
