from enum import StrEnum


class ChannelEnum(StrEnum):
    ADMIN = "admin"
    API = "api"
    CLIENT_LINK = "client_link"
    DASHBOARD = "dashboard"
    SYSTEM = "system"
    WEB_FORM = "web_form"

    def __str__(self) -> str:
        return str(self.value)
