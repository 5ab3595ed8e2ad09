from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.supplier_commission import SupplierCommission


T = TypeVar("T", bound="CommissionReport")


@_attrs_define
class CommissionReport:
    """Commission still owed, by supplier (and currency), largest first.

    Attributes:
        month (None | str): The month asked for, if any.
        suppliers (list[SupplierCommission]):
    """

    month: None | str
    suppliers: list[SupplierCommission]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        month: None | str
        month = self.month

        suppliers = []
        for suppliers_item_data in self.suppliers:
            suppliers_item = suppliers_item_data.to_dict()
            suppliers.append(suppliers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "month": month,
                "suppliers": suppliers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supplier_commission import SupplierCommission  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_month(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        month = _parse_month(d.pop("month"))

        suppliers = []
        _suppliers = d.pop("suppliers")
        for suppliers_item_data in _suppliers:
            suppliers_item = SupplierCommission.from_dict(suppliers_item_data)

            suppliers.append(suppliers_item)

        commission_report = cls(
            month=month,
            suppliers=suppliers,
        )

        commission_report.additional_properties = d
        return commission_report

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
