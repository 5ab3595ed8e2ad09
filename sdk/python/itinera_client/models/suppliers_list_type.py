from enum import StrEnum


class SuppliersListType(StrEnum):
    AIRLINE = "airline"
    CAR_HIRE = "car_hire"
    CRUISE = "cruise"
    DMC = "dmc"
    HOTEL = "hotel"
    INSURANCE = "insurance"
    OTHER = "other"
    RAIL = "rail"
    TOUR_OPERATOR = "tour_operator"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
