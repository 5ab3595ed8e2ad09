from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.blank_enum import BlankEnum
from ..models.country_code import CountryCode
from ..models.gender_enum import GenderEnum
from ..models.patched_traveller_input_request_nationality_type_1 import PatchedTravellerInputRequestNationalityType1
from ..models.patched_traveller_input_request_passport_country_type_1 import (
    PatchedTravellerInputRequestPassportCountryType1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.emergency_contact_input_request import EmergencyContactInputRequest
    from ..models.loyalty_request import LoyaltyRequest


T = TypeVar("T", bound="PatchedTravellerInputRequest")


@_attrs_define
class PatchedTravellerInputRequest:
    """
    Attributes:
        first_name (str | Unset): As in the passport.
        middle_name (None | str | Unset):
        last_name (str | Unset):
        date_of_birth (datetime.date | None | str | Unset): In the past.
        gender (BlankEnum | GenderEnum | None | Unset):
        nationality (CountryCode | None | PatchedTravellerInputRequestNationalityType1 | Unset): ISO 3166-1 code or
            English name; stored as the alpha-2 code.
        passport_number (None | str | Unset): Stored encrypted; answered masked. Sending back the masked value keeps the
            number; `null` or an empty string removes it.
        passport_country (CountryCode | None | PatchedTravellerInputRequestPassportCountryType1 | Unset): The issuing
            country: ISO 3166-1 code or English name.
        passport_issued_on (datetime.date | None | str | Unset): Not in the future, nor before `date_of_birth`.
        passport_expires_on (datetime.date | None | str | Unset): After `passport_issued_on`.
        known_traveller_number (None | str | Unset): Stored encrypted; answered masked. Sending back the masked value
            keeps the number; `null` or an empty string removes it.
        redress_number (None | str | Unset): Stored encrypted; answered masked. Sending back the masked value keeps the
            number; `null` or an empty string removes it.
        frequent_flyer (list[LoyaltyRequest] | None | Unset):
        hotel_loyalty (list[LoyaltyRequest] | None | Unset):
        dietary_needs (None | str | Unset):
        mobility_needs (None | str | Unset):
        seat_preference (None | str | Unset):
        room_preference (None | str | Unset):
        emergency_contact (EmergencyContactInputRequest | None | Unset):
        is_lead (bool | Unset): The client themself; naming one moves the flag from another.
    """

    first_name: str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    last_name: str | Unset = UNSET
    date_of_birth: datetime.date | None | str | Unset = UNSET
    gender: BlankEnum | GenderEnum | None | Unset = UNSET
    nationality: CountryCode | None | PatchedTravellerInputRequestNationalityType1 | Unset = UNSET
    passport_number: None | str | Unset = UNSET
    passport_country: CountryCode | None | PatchedTravellerInputRequestPassportCountryType1 | Unset = UNSET
    passport_issued_on: datetime.date | None | str | Unset = UNSET
    passport_expires_on: datetime.date | None | str | Unset = UNSET
    known_traveller_number: None | str | Unset = UNSET
    redress_number: None | str | Unset = UNSET
    frequent_flyer: list[LoyaltyRequest] | None | Unset = UNSET
    hotel_loyalty: list[LoyaltyRequest] | None | Unset = UNSET
    dietary_needs: None | str | Unset = UNSET
    mobility_needs: None | str | Unset = UNSET
    seat_preference: None | str | Unset = UNSET
    room_preference: None | str | Unset = UNSET
    emergency_contact: EmergencyContactInputRequest | None | Unset = UNSET
    is_lead: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.emergency_contact_input_request import EmergencyContactInputRequest  # noqa: PLC0415

        first_name = self.first_name

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        last_name = self.last_name

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, GenderEnum):
            gender = self.gender.value
        elif isinstance(self.gender, BlankEnum):
            gender = self.gender.value
        else:
            gender = self.gender

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        elif isinstance(self.nationality, CountryCode):
            nationality = self.nationality.value
        elif isinstance(self.nationality, PatchedTravellerInputRequestNationalityType1):
            nationality = self.nationality.value
        else:
            nationality = self.nationality

        passport_number: None | str | Unset
        if isinstance(self.passport_number, Unset):
            passport_number = UNSET
        else:
            passport_number = self.passport_number

        passport_country: None | str | Unset
        if isinstance(self.passport_country, Unset):
            passport_country = UNSET
        elif isinstance(self.passport_country, CountryCode):
            passport_country = self.passport_country.value
        elif isinstance(self.passport_country, PatchedTravellerInputRequestPassportCountryType1):
            passport_country = self.passport_country.value
        else:
            passport_country = self.passport_country

        passport_issued_on: None | str | Unset
        if isinstance(self.passport_issued_on, Unset):
            passport_issued_on = UNSET
        elif isinstance(self.passport_issued_on, datetime.date):
            passport_issued_on = self.passport_issued_on.isoformat()
        else:
            passport_issued_on = self.passport_issued_on

        passport_expires_on: None | str | Unset
        if isinstance(self.passport_expires_on, Unset):
            passport_expires_on = UNSET
        elif isinstance(self.passport_expires_on, datetime.date):
            passport_expires_on = self.passport_expires_on.isoformat()
        else:
            passport_expires_on = self.passport_expires_on

        known_traveller_number: None | str | Unset
        if isinstance(self.known_traveller_number, Unset):
            known_traveller_number = UNSET
        else:
            known_traveller_number = self.known_traveller_number

        redress_number: None | str | Unset
        if isinstance(self.redress_number, Unset):
            redress_number = UNSET
        else:
            redress_number = self.redress_number

        frequent_flyer: list[dict[str, Any]] | None | Unset
        if isinstance(self.frequent_flyer, Unset):
            frequent_flyer = UNSET
        elif isinstance(self.frequent_flyer, list):
            frequent_flyer = []
            for frequent_flyer_type_0_item_data in self.frequent_flyer:
                frequent_flyer_type_0_item = frequent_flyer_type_0_item_data.to_dict()
                frequent_flyer.append(frequent_flyer_type_0_item)

        else:
            frequent_flyer = self.frequent_flyer

        hotel_loyalty: list[dict[str, Any]] | None | Unset
        if isinstance(self.hotel_loyalty, Unset):
            hotel_loyalty = UNSET
        elif isinstance(self.hotel_loyalty, list):
            hotel_loyalty = []
            for hotel_loyalty_type_0_item_data in self.hotel_loyalty:
                hotel_loyalty_type_0_item = hotel_loyalty_type_0_item_data.to_dict()
                hotel_loyalty.append(hotel_loyalty_type_0_item)

        else:
            hotel_loyalty = self.hotel_loyalty

        dietary_needs: None | str | Unset
        if isinstance(self.dietary_needs, Unset):
            dietary_needs = UNSET
        else:
            dietary_needs = self.dietary_needs

        mobility_needs: None | str | Unset
        if isinstance(self.mobility_needs, Unset):
            mobility_needs = UNSET
        else:
            mobility_needs = self.mobility_needs

        seat_preference: None | str | Unset
        if isinstance(self.seat_preference, Unset):
            seat_preference = UNSET
        else:
            seat_preference = self.seat_preference

        room_preference: None | str | Unset
        if isinstance(self.room_preference, Unset):
            room_preference = UNSET
        else:
            room_preference = self.room_preference

        emergency_contact: dict[str, Any] | None | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        elif isinstance(self.emergency_contact, EmergencyContactInputRequest):
            emergency_contact = self.emergency_contact.to_dict()
        else:
            emergency_contact = self.emergency_contact

        is_lead = self.is_lead

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if gender is not UNSET:
            field_dict["gender"] = gender
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if passport_number is not UNSET:
            field_dict["passport_number"] = passport_number
        if passport_country is not UNSET:
            field_dict["passport_country"] = passport_country
        if passport_issued_on is not UNSET:
            field_dict["passport_issued_on"] = passport_issued_on
        if passport_expires_on is not UNSET:
            field_dict["passport_expires_on"] = passport_expires_on
        if known_traveller_number is not UNSET:
            field_dict["known_traveller_number"] = known_traveller_number
        if redress_number is not UNSET:
            field_dict["redress_number"] = redress_number
        if frequent_flyer is not UNSET:
            field_dict["frequent_flyer"] = frequent_flyer
        if hotel_loyalty is not UNSET:
            field_dict["hotel_loyalty"] = hotel_loyalty
        if dietary_needs is not UNSET:
            field_dict["dietary_needs"] = dietary_needs
        if mobility_needs is not UNSET:
            field_dict["mobility_needs"] = mobility_needs
        if seat_preference is not UNSET:
            field_dict["seat_preference"] = seat_preference
        if room_preference is not UNSET:
            field_dict["room_preference"] = room_preference
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if is_lead is not UNSET:
            field_dict["is_lead"] = is_lead

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.emergency_contact_input_request import EmergencyContactInputRequest  # noqa: PLC0415
        from ..models.loyalty_request import LoyaltyRequest  # noqa: PLC0415

        d = dict(src_dict)
        first_name = d.pop("first_name", UNSET)

        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middle_name", UNSET))

        last_name = d.pop("last_name", UNSET)

        def _parse_date_of_birth(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_gender(data: object) -> BlankEnum | GenderEnum | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = GenderEnum(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_1 = BlankEnum(data)

                return gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BlankEnum | GenderEnum | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_nationality(
            data: object,
        ) -> CountryCode | None | PatchedTravellerInputRequestNationalityType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                nationality_type_0 = CountryCode(data)

                return nationality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                nationality_type_1 = PatchedTravellerInputRequestNationalityType1(data)

                return nationality_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | PatchedTravellerInputRequestNationalityType1 | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_passport_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        passport_number = _parse_passport_number(d.pop("passport_number", UNSET))

        def _parse_passport_country(
            data: object,
        ) -> CountryCode | None | PatchedTravellerInputRequestPassportCountryType1 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_country_type_0 = CountryCode(data)

                return passport_country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_country_type_1 = PatchedTravellerInputRequestPassportCountryType1(data)

                return passport_country_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryCode | None | PatchedTravellerInputRequestPassportCountryType1 | Unset, data)

        passport_country = _parse_passport_country(d.pop("passport_country", UNSET))

        def _parse_passport_issued_on(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_issued_on_type_0_type_0 = datetime.date.fromisoformat(data)

                return passport_issued_on_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        passport_issued_on = _parse_passport_issued_on(d.pop("passport_issued_on", UNSET))

        def _parse_passport_expires_on(data: object) -> datetime.date | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_expires_on_type_0_type_0 = datetime.date.fromisoformat(data)

                return passport_expires_on_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | str | Unset, data)

        passport_expires_on = _parse_passport_expires_on(d.pop("passport_expires_on", UNSET))

        def _parse_known_traveller_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        known_traveller_number = _parse_known_traveller_number(d.pop("known_traveller_number", UNSET))

        def _parse_redress_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redress_number = _parse_redress_number(d.pop("redress_number", UNSET))

        def _parse_frequent_flyer(data: object) -> list[LoyaltyRequest] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                frequent_flyer_type_0 = []
                _frequent_flyer_type_0 = data
                for frequent_flyer_type_0_item_data in _frequent_flyer_type_0:
                    frequent_flyer_type_0_item = LoyaltyRequest.from_dict(frequent_flyer_type_0_item_data)

                    frequent_flyer_type_0.append(frequent_flyer_type_0_item)

                return frequent_flyer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LoyaltyRequest] | None | Unset, data)

        frequent_flyer = _parse_frequent_flyer(d.pop("frequent_flyer", UNSET))

        def _parse_hotel_loyalty(data: object) -> list[LoyaltyRequest] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hotel_loyalty_type_0 = []
                _hotel_loyalty_type_0 = data
                for hotel_loyalty_type_0_item_data in _hotel_loyalty_type_0:
                    hotel_loyalty_type_0_item = LoyaltyRequest.from_dict(hotel_loyalty_type_0_item_data)

                    hotel_loyalty_type_0.append(hotel_loyalty_type_0_item)

                return hotel_loyalty_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LoyaltyRequest] | None | Unset, data)

        hotel_loyalty = _parse_hotel_loyalty(d.pop("hotel_loyalty", UNSET))

        def _parse_dietary_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dietary_needs = _parse_dietary_needs(d.pop("dietary_needs", UNSET))

        def _parse_mobility_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobility_needs = _parse_mobility_needs(d.pop("mobility_needs", UNSET))

        def _parse_seat_preference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seat_preference = _parse_seat_preference(d.pop("seat_preference", UNSET))

        def _parse_room_preference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        room_preference = _parse_room_preference(d.pop("room_preference", UNSET))

        def _parse_emergency_contact(data: object) -> EmergencyContactInputRequest | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                emergency_contact_type_0 = EmergencyContactInputRequest.from_dict(data)

                return emergency_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmergencyContactInputRequest | None | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))

        is_lead = d.pop("is_lead", UNSET)

        patched_traveller_input_request = cls(
            first_name=first_name,
            middle_name=middle_name,
            last_name=last_name,
            date_of_birth=date_of_birth,
            gender=gender,
            nationality=nationality,
            passport_number=passport_number,
            passport_country=passport_country,
            passport_issued_on=passport_issued_on,
            passport_expires_on=passport_expires_on,
            known_traveller_number=known_traveller_number,
            redress_number=redress_number,
            frequent_flyer=frequent_flyer,
            hotel_loyalty=hotel_loyalty,
            dietary_needs=dietary_needs,
            mobility_needs=mobility_needs,
            seat_preference=seat_preference,
            room_preference=room_preference,
            emergency_contact=emergency_contact,
            is_lead=is_lead,
        )

        return patched_traveller_input_request
