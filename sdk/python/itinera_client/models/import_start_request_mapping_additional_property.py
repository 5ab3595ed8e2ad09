from enum import StrEnum


class ImportStartRequestMappingAdditionalProperty(StrEnum):
    CITY = "city"
    COMPANY = "company"
    COUNTRY = "country"
    EMAIL = "email"
    KIND = "kind"
    NAME = "name"
    NATIONALITY = "nationality"
    NOTES = "notes"
    PHONE = "phone"
    STATUS = "status"
    TAGS = "tags"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
