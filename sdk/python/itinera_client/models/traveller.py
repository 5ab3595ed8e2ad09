from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blank_enum import BlankEnum
from ..models.gender_enum import GenderEnum

if TYPE_CHECKING:
    from ..models.emergency_contact import EmergencyContact
    from ..models.loyalty import Loyalty


T = TypeVar("T", bound="Traveller")


@_attrs_define
class Traveller:
    """A traveller, names and gender as in the passport; document numbers masked.

    Attributes:
        id (int):
        client_id (int):
        first_name (str):
        middle_name (str):
        last_name (str):
        full_name (str):
        date_of_birth (datetime.date | None):
        gender (BlankEnum | GenderEnum):
        nationality (str): ISO 3166-1 alpha-2 code.
        passport_number (str): Masked (`••••` and the last 4 characters; empty when none is recorded).
        passport_country (str): The issuing country, ISO 3166-1 alpha-2 code.
        passport_issued_on (datetime.date | None):
        passport_expires_on (datetime.date | None):
        known_traveller_number (str): Masked (`••••` and the last 4 characters; empty when none is recorded).
        redress_number (str): Masked (`••••` and the last 4 characters; empty when none is recorded).
        frequent_flyer (list[Loyalty]):
        hotel_loyalty (list[Loyalty]):
        dietary_needs (str):
        mobility_needs (str):
        seat_preference (str):
        room_preference (str):
        emergency_contact (EmergencyContact): Read-only serializer whose ``to_representation`` runs a precompiled plan.
        is_lead (bool): The client themself (at most one).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    client_id: int
    first_name: str
    middle_name: str
    last_name: str
    full_name: str
    date_of_birth: datetime.date | None
    gender: BlankEnum | GenderEnum
    nationality: str
    passport_number: str
    passport_country: str
    passport_issued_on: datetime.date | None
    passport_expires_on: datetime.date | None
    known_traveller_number: str
    redress_number: str
    frequent_flyer: list[Loyalty]
    hotel_loyalty: list[Loyalty]
    dietary_needs: str
    mobility_needs: str
    seat_preference: str
    room_preference: str
    emergency_contact: EmergencyContact
    is_lead: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_id = self.client_id

        first_name = self.first_name

        middle_name = self.middle_name

        last_name = self.last_name

        full_name = self.full_name

        date_of_birth: None | str
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        gender: str
        if isinstance(self.gender, GenderEnum):
            gender = self.gender.value
        else:
            gender = self.gender.value

        nationality = self.nationality

        passport_number = self.passport_number

        passport_country = self.passport_country

        passport_issued_on: None | str
        if isinstance(self.passport_issued_on, datetime.date):
            passport_issued_on = self.passport_issued_on.isoformat()
        else:
            passport_issued_on = self.passport_issued_on

        passport_expires_on: None | str
        if isinstance(self.passport_expires_on, datetime.date):
            passport_expires_on = self.passport_expires_on.isoformat()
        else:
            passport_expires_on = self.passport_expires_on

        known_traveller_number = self.known_traveller_number

        redress_number = self.redress_number

        frequent_flyer = []
        for frequent_flyer_item_data in self.frequent_flyer:
            frequent_flyer_item = frequent_flyer_item_data.to_dict()
            frequent_flyer.append(frequent_flyer_item)

        hotel_loyalty = []
        for hotel_loyalty_item_data in self.hotel_loyalty:
            hotel_loyalty_item = hotel_loyalty_item_data.to_dict()
            hotel_loyalty.append(hotel_loyalty_item)

        dietary_needs = self.dietary_needs

        mobility_needs = self.mobility_needs

        seat_preference = self.seat_preference

        room_preference = self.room_preference

        emergency_contact = self.emergency_contact.to_dict()

        is_lead = self.is_lead

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "first_name": first_name,
                "middle_name": middle_name,
                "last_name": last_name,
                "full_name": full_name,
                "date_of_birth": date_of_birth,
                "gender": gender,
                "nationality": nationality,
                "passport_number": passport_number,
                "passport_country": passport_country,
                "passport_issued_on": passport_issued_on,
                "passport_expires_on": passport_expires_on,
                "known_traveller_number": known_traveller_number,
                "redress_number": redress_number,
                "frequent_flyer": frequent_flyer,
                "hotel_loyalty": hotel_loyalty,
                "dietary_needs": dietary_needs,
                "mobility_needs": mobility_needs,
                "seat_preference": seat_preference,
                "room_preference": room_preference,
                "emergency_contact": emergency_contact,
                "is_lead": is_lead,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.emergency_contact import EmergencyContact  # noqa: PLC0415
        from ..models.loyalty import Loyalty  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        client_id = d.pop("client_id")

        first_name = d.pop("first_name")

        middle_name = d.pop("middle_name")

        last_name = d.pop("last_name")

        full_name = d.pop("full_name")

        def _parse_date_of_birth(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth"))

        def _parse_gender(data: object) -> BlankEnum | GenderEnum:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_0 = GenderEnum(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            gender_type_1 = BlankEnum(data)

            return gender_type_1

        gender = _parse_gender(d.pop("gender"))

        nationality = d.pop("nationality")

        passport_number = d.pop("passport_number")

        passport_country = d.pop("passport_country")

        def _parse_passport_issued_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_issued_on_type_0 = datetime.date.fromisoformat(data)

                return passport_issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        passport_issued_on = _parse_passport_issued_on(d.pop("passport_issued_on"))

        def _parse_passport_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                passport_expires_on_type_0 = datetime.date.fromisoformat(data)

                return passport_expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        passport_expires_on = _parse_passport_expires_on(d.pop("passport_expires_on"))

        known_traveller_number = d.pop("known_traveller_number")

        redress_number = d.pop("redress_number")

        frequent_flyer = []
        _frequent_flyer = d.pop("frequent_flyer")
        for frequent_flyer_item_data in _frequent_flyer:
            frequent_flyer_item = Loyalty.from_dict(frequent_flyer_item_data)

            frequent_flyer.append(frequent_flyer_item)

        hotel_loyalty = []
        _hotel_loyalty = d.pop("hotel_loyalty")
        for hotel_loyalty_item_data in _hotel_loyalty:
            hotel_loyalty_item = Loyalty.from_dict(hotel_loyalty_item_data)

            hotel_loyalty.append(hotel_loyalty_item)

        dietary_needs = d.pop("dietary_needs")

        mobility_needs = d.pop("mobility_needs")

        seat_preference = d.pop("seat_preference")

        room_preference = d.pop("room_preference")

        emergency_contact = EmergencyContact.from_dict(d.pop("emergency_contact"))

        is_lead = d.pop("is_lead")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        traveller = cls(
            id=id,
            client_id=client_id,
            first_name=first_name,
            middle_name=middle_name,
            last_name=last_name,
            full_name=full_name,
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
            created_at=created_at,
            updated_at=updated_at,
        )

        traveller.additional_properties = d
        return traveller

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
