from enum import StrEnum


class ClientSourceEnum(StrEnum):
    API = "api"
    DASHBOARD = "dashboard"
    IMPORT = "import"
    WEB_FORM = "web_form"

    def __str__(self) -> str:
        return str(self.value)
