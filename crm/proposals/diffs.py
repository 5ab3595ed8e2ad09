"""What changed between two proposal versions (or a version and the unsent draft), in words:
one sentence per change, days and items matched by id, options and their lines by title."""

from __future__ import annotations

from typing import Any

_PROPOSAL_LABELS = {
    "title": "Title",
    "client_name": "Client",
    "valid_until": "Valid until",
    "message": "Message",
}
_DAY_LABELS = {"date": "date", "title": "title", "description": "description", "location": "place"}
_ITEM_LABELS = {
    "kind": "kind",
    "title": "title",
    "start_time": "start time",
    "end_time": "end time",
    "location": "place",
    "supplier": "supplier",
    "reference": "reference",
    "notes": "notes",
}


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else str(value)


def _day_name(day: dict[str, Any]) -> str:
    return f"Day {day['day_number']}" + (f" ({day['title']})" if day["title"] else "")


def version_diff(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What changed from snapshot ``old`` to ``new``, one sentence per change (days and items
    are matched by id, so a moved item reads as moved, not removed and added)."""
    lines: list[str] = []
    if (old["total_price"], old["currency"]) != (new["total_price"], new["currency"]):
        lines.append(
            f"Price changed from {old['total_price']} {old['currency']} "
            f"to {new['total_price']} {new['currency']}."
        )
    for key, label in _PROPOSAL_LABELS.items():
        if old.get(key) != new.get(key):
            if key == "message":
                lines.append("Message changed.")
            else:
                lines.append(
                    f"{label} changed from {_shown(old.get(key))} to {_shown(new.get(key))}."
                )
    old_terms, new_terms = old.get("terms"), new.get("terms")
    if (old_terms or {}).get("version") != (new_terms or {}).get("version"):
        lines.append(
            f"Terms and conditions changed from "
            f"{'version ' + str(old_terms['version']) if old_terms else 'none'} to "
            f"{'version ' + str(new_terms['version']) if new_terms else 'none'}."
        )
    lines += _options_diff(old.get("options") or [], new.get("options") or [])
    lines += _plan_diff(old.get("itinerary"), new.get("itinerary"))
    return lines


def _options_diff(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    """Options are matched by title (saving the options writes new rows, new ids)."""
    lines: list[str] = []
    before = {option["title"]: option for option in old}
    after = {option["title"]: option for option in new}
    for title, option in after.items():
        if title not in before:
            lines.append(f"Option {title} added ({option['total']}).")
            continue
        was = before[title]
        if was["total"] != option["total"]:
            lines.append(f"Option {title}: total changed from {was['total']} to {option['total']}.")
        old_lines = {line["description"]: line for line in was["lines"]}
        new_lines = {line["description"]: line for line in option["lines"]}
        for name, line in new_lines.items():
            kept = old_lines.get(name)
            if kept is None:
                lines.append(f"Option {title}: {name} added.")
            elif (kept["quantity"], kept["unit_price"], kept["optional"]) != (
                line["quantity"],
                line["unit_price"],
                line["optional"],
            ):
                lines.append(
                    f"Option {title}: {name} changed from {kept['quantity']} x "
                    f"{kept['unit_price']} to {line['quantity']} x {line['unit_price']}"
                    + (" (optional)." if line["optional"] else ".")
                )
        lines += [f"Option {title}: {name} removed." for name in old_lines if name not in new_lines]
    lines += [f"Option {title} removed." for title in before if title not in after]
    return lines


def _plan_diff(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[str]:
    if old is None and new is None:
        return []
    if old is None or new is None:
        return ["Itinerary added." if old is None else "Itinerary removed."]
    lines: list[str] = []
    if old["id"] != new["id"]:
        lines.append(f"Itinerary changed from {old['title']} to {new['title']}.")
    for key, label in (("start_date", "Start date"), ("end_date", "End date")):
        if old[key] != new[key]:
            lines.append(f"{label} changed from {_shown(old[key])} to {_shown(new[key])}.")
    if old["travellers"] != new["travellers"]:
        lines.append(f"Travellers changed from {old['travellers']} to {new['travellers']}.")
    old_days = {day["id"]: day for day in old["days"]}
    new_days = {day["id"]: day for day in new["days"]}
    old_items = {item["id"]: (day, item) for day in old["days"] for item in day["items"]}
    new_items = {item["id"]: (day, item) for day in new["days"] for item in day["items"]}
    for day in new["days"]:
        if day["id"] not in old_days:
            lines.append(f"{_day_name(day)} added.")
            continue
        before = old_days[day["id"]]
        if before["day_number"] != day["day_number"]:
            lines.append(f"Day {before['day_number']} is now day {day['day_number']}.")
        for key, label in _DAY_LABELS.items():
            if before[key] != day[key]:
                lines.append(
                    f"{_day_name(day)}: {label} changed from {_shown(before[key])} "
                    f"to {_shown(day[key])}."
                )
    for day in old["days"]:
        if day["id"] not in new_days:
            lines.append(f"{_day_name(day)} removed.")
    for item_id, (day, item) in new_items.items():
        if item_id not in old_items:
            lines.append(f"{_day_name(day)}: {item['title']} added.")
            continue
        old_day, before = old_items[item_id]
        if old_day["id"] != day["id"]:
            lines.append(f"{item['title']} moved from {_day_name(old_day)} to {_day_name(day)}.")
        for key, label in _ITEM_LABELS.items():
            if before[key] != item[key]:
                lines.append(
                    f"{_day_name(day)}: {item['title']}: {label} changed from "
                    f"{_shown(before[key])} to {_shown(item[key])}."
                )
    for item_id, (day, item) in old_items.items():
        if item_id not in new_items and day["id"] in new_days:
            lines.append(f"{_day_name(day)}: {item['title']} removed.")
    return lines
