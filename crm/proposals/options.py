"""A proposal's options and their line items: the price breakdown the client chooses from.

An option ("4-star", "5-star with a private guide") holds line items (description, quantity,
unit price, optional or required). Its total is the sum of its required lines; optional lines
are extras the client may tick when accepting. While a proposal has options, its
``total_price`` is derived here (the cheapest option's total: the "from" price) and written
only by :func:`options_recompute`; an edit of it is refused. Accepting sets it to the total
the client accepted (``services.proposal_respond``).

Options are the live draft like the rest of the proposal: editable until it is answered
(accepted or declined), frozen into each version sent (``versions.proposal_content``), so an
edit after sending never changes what the link shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet

from accounts.events import record_event
from core.errors import Conflict
from crm.proposals.lifecycle import PROPOSAL_TRANSITIONS, proposal_lock
from crm.proposals.models import Proposal, ProposalLineItem, ProposalOption

MAX_OPTIONS = 10
MAX_LINES = 50
MAX_QUANTITY = 999
MAX_UNIT_PRICE = Decimal("9999999.99")
OPTION_FIELDS = frozenset({"title", "description", "lines"})
LINE_FIELDS = frozenset({"description", "quantity", "unit_price", "optional"})
DERIVED_PRICE = (
    "This proposal is priced by its options: its price is the cheapest option's total. "
    "Change the options' line items instead."
)


def options_of(proposal: Proposal) -> QuerySet[ProposalOption]:
    """The proposal's options in order, each with its lines (two queries)."""
    return (
        ProposalOption.objects.filter(
            proposal_id=proposal.pk, proposal__agency_id=proposal.agency_id
        )
        .order_by("position", "id")
        .prefetch_related(
            Prefetch("lines", queryset=ProposalLineItem.objects.order_by("position", "id"))
        )
    )


def option_total(lines: Iterable[ProposalLineItem]) -> Decimal:
    return sum((line.amount for line in lines if not line.optional), Decimal("0.00"))


def _check_editable(proposal: Proposal) -> Proposal:
    current = proposal_lock(proposal)
    if PROPOSAL_TRANSITIONS.is_final(current.status):
        raise Conflict(
            {"options": [f"This proposal is {current.status}; its options can no longer change."]}
        )
    return current


def options_recompute(proposal: Proposal) -> Decimal | None:
    """The one writer of a proposal's price while it has options: the cheapest option's
    total (None, and the price left as typed, when it has none)."""
    options = list(options_of(proposal))
    if not options:
        return None
    total = min(option_total(option.lines.all()) for option in options)
    if proposal.total_price != total:
        proposal.total_price = total
        Proposal.objects.filter(pk=proposal.pk).update(total_price=total)
    return total


def _text(raw: Mapping[str, Any], name: str, *, max_length: int, required: bool) -> str:
    value = raw.get(name)
    value = "" if value is None else str(value).strip()
    if required and not value:
        raise ValidationError({name: ["This field is required."]})
    if len(value) > max_length:
        raise ValidationError({name: [f"At most {max_length} characters."]})
    return value


def _line(raw: Mapping[str, Any]) -> ProposalLineItem:
    unknown = set(raw) - LINE_FIELDS - {"id", "amount"}
    if unknown:
        raise ValidationError({sorted(unknown)[0]: ["Unknown field."]})
    description = _text(raw, "description", max_length=300, required=True)
    try:
        quantity = int(raw.get("quantity", 1))
    except (TypeError, ValueError):
        raise ValidationError({"quantity": ["A whole number from 1."]}) from None
    if not 1 <= quantity <= MAX_QUANTITY:
        raise ValidationError({"quantity": [f"A whole number from 1 to {MAX_QUANTITY}."]})
    try:
        unit_price = Decimal(str(raw.get("unit_price", "0")))
    except InvalidOperation:
        raise ValidationError({"unit_price": ["A price such as 1250.00."]}) from None
    if not unit_price.is_finite() or unit_price < 0 or unit_price > MAX_UNIT_PRICE:
        raise ValidationError({"unit_price": [f"A price from 0 to {MAX_UNIT_PRICE}."]})
    if unit_price != unit_price.quantize(Decimal("0.01")):
        raise ValidationError({"unit_price": ["At most 2 decimal places."]})
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise ValidationError({"optional": ["true or false."]})
    return ProposalLineItem(
        description=description, quantity=quantity, unit_price=unit_price, optional=optional
    )


def _nested(index: int, lines_index: int | None, exc: ValidationError) -> ValidationError:
    where = f"options[{index}]" + (f".lines[{lines_index}]" if lines_index is not None else "")
    return ValidationError(
        {f"{where}.{name}": messages for name, messages in exc.message_dict.items()}
    )


def _record(proposal: Proposal, name: str, data: dict[str, Any]) -> None:
    record_event(
        name,
        agency_id=proposal.agency_id,
        subject=proposal,
        client_id=proposal.client_id,
        data=data,
    )


@transaction.atomic
def options_replace(*, proposal: Proposal, options: Sequence[Mapping[str, Any]]) -> Proposal:
    """Replace all of the proposal's options with ``options`` (each ``title``,
    ``description``, ``lines``: [{``description``, ``quantity``, ``unit_price``,
    ``optional``}]); an empty list removes them (the price is then typed again). A refusal
    changes nothing; errors name the option and line (``options[1].lines[0].unit_price``)."""
    _check_editable(proposal)
    if not isinstance(options, list | tuple):
        raise ValidationError({"options": ["A list of options."]})
    if len(options) > MAX_OPTIONS:
        raise ValidationError({"options": [f"At most {MAX_OPTIONS} options."]})
    built: list[tuple[ProposalOption, list[ProposalLineItem]]] = []
    for index, raw in enumerate(options):
        if not isinstance(raw, Mapping):
            raise ValidationError({f"options[{index}]": ["An object."]})
        try:
            unknown = set(raw) - OPTION_FIELDS - {"id", "total"}
            if unknown:
                raise ValidationError({sorted(unknown)[0]: ["Unknown field."]})
            option = ProposalOption(
                title=_text(raw, "title", max_length=200, required=True),
                description=_text(raw, "description", max_length=2_000, required=False),
            )
            raw_lines = raw.get("lines") or []
            if not isinstance(raw_lines, list) or len(raw_lines) > MAX_LINES:
                raise ValidationError({"lines": [f"A list of at most {MAX_LINES} line items."]})
        except ValidationError as exc:
            raise _nested(index, None, exc) from None
        lines = []
        for line_index, raw_line in enumerate(raw_lines):
            try:
                if not isinstance(raw_line, Mapping):
                    raise ValidationError({"line": ["An object."]})
                lines.append(_line(raw_line))
            except ValidationError as exc:
                raise _nested(index, line_index, exc) from None
        built.append((option, lines))
    ProposalOption.objects.filter(proposal_id=proposal.pk).delete()
    for position, (option, lines) in enumerate(built):
        option.proposal, option.position = proposal, position
        option.save()
        for line_position, line in enumerate(lines):
            line.option, line.position = option, line_position
        ProposalLineItem.objects.bulk_create(lines)
    options_recompute(proposal)
    _record(
        proposal,
        "proposal.options_changed",
        {"options": len(built), "total_price": f"{proposal.total_price:.2f}"},
    )
    return proposal


def options_as_data(proposal: Proposal) -> list[dict[str, Any]]:
    """The options as ``options_replace`` takes them (the dashboard edits one and saves all)."""
    return [
        {
            "title": option.title,
            "description": option.description,
            "lines": [
                {
                    "description": line.description,
                    "quantity": line.quantity,
                    "unit_price": line.unit_price,
                    "optional": line.optional,
                }
                for line in option.lines.all()
            ],
        }
        for option in options_of(proposal)
    ]


def accepted_choice(
    content: Mapping[str, Any], *, option_id: int | None, extras: Iterable[int] = ()
) -> tuple[dict[str, Any], Decimal]:
    """The client's pick on a frozen version: the option (by its frozen id; the only one when
    there is one), the extras ticked (optional lines of that option), and the total, priced
    from the frozen ``content`` (never the live rows). A version without options gives
    ``({}, its total_price)``."""
    options = content.get("options") or []
    if not options:
        return {}, Decimal(content["total_price"])
    if option_id is None and len(options) == 1:
        option_id = options[0]["id"]
    option = next((o for o in options if o["id"] == option_id), None)
    if option is None:
        raise ValidationError({"option": ["Choose one of the options."]})
    wanted = set(extras)
    optional = {line["id"] for line in option["lines"] if line["optional"]}
    if wanted - optional:
        raise ValidationError({"extras": ["Choose extras of the option you picked."]})
    lines = [line for line in option["lines"] if not line["optional"] or line["id"] in wanted]
    total = sum((Decimal(line["amount"]) for line in lines), Decimal("0.00"))
    choice = {
        "option_id": option["id"],
        "title": option["title"],
        "extras": sorted(wanted),
        "lines": [
            {key: line[key] for key in ("description", "quantity", "unit_price", "amount")}
            for line in lines
        ],
        "total": f"{total:.2f}",
    }
    return choice, total
