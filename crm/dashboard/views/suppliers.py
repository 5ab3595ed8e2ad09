"""The supplier directory: list (search, type, archived), detail, create, edit, archive,
restore and a delete that a supplier in use refuses."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.filters import ARCHIVED_CHOICES
from core.views import list_page, run_service
from crm.dashboard.forms.suppliers import ContactFormSet, SupplierForm, contacts_from
from crm.dashboard.views.common import archive_view
from crm.models import Supplier, SupplierType
from crm.suppliers import selectors as supplier_selectors
from crm.suppliers import services as supplier_services


@agency_required
def supplier_list(request: AgencyRequest) -> HttpResponse:
    return list_page(
        request,
        "crm/suppliers/list.html",
        supplier_selectors.supplier_list,
        agency=request.agency,
        model=Supplier,
        filter_names=("q", "type", "archived"),
        context={"types": SupplierType.choices, "archived_choices": ARCHIVED_CHOICES},
    )


def _get_supplier(request: AgencyRequest, supplier_id: int) -> Supplier:
    return get_or_404(
        supplier_selectors.supplier_get, agency=request.agency, supplier_id=supplier_id
    )


def _to_detail(supplier: Supplier) -> str:
    return reverse("supplier_detail", args=[supplier.pk])


@agency_required
def supplier_detail(request: AgencyRequest, supplier_id: int) -> HttpResponse:
    supplier = _get_supplier(request, supplier_id)
    usage = supplier_services.supplier_usage(supplier=supplier)
    return render(
        request,
        "crm/suppliers/detail.html",
        {"supplier": supplier, "usage": usage, "in_use": any(usage.values())},
    )


def _form_page(
    request: AgencyRequest,
    supplier: Supplier | None,
    form: SupplierForm,
    contacts: forms.BaseFormSet,
) -> HttpResponse:
    def save() -> Supplier:
        fields = {**form.cleaned_data, "contacts": contacts_from(contacts)}
        if supplier is None:
            return supplier_services.supplier_create(
                agency=request.agency, created_by=request.user, **fields
            )
        return supplier_services.supplier_update(supplier=supplier, **fields)

    if request.method == "POST" and contacts.is_valid():
        done = run_service(
            request,
            form,
            save,
            success=lambda s: f"Supplier {s.name} saved.",
            redirect_to=_to_detail,
        )
        if done:
            return done
    return render(
        request,
        "crm/suppliers/form.html",
        {"form": form, "contacts": contacts, "supplier": supplier},
    )


@agency_required
def supplier_create(request: AgencyRequest) -> HttpResponse:
    form = SupplierForm(request.POST or None, initial={"type": SupplierType.OTHER})
    contacts = ContactFormSet(request.POST or None, prefix="contacts")
    return _form_page(request, None, form, contacts)


@agency_required
def supplier_edit(request: AgencyRequest, supplier_id: int) -> HttpResponse:
    supplier = _get_supplier(request, supplier_id)
    form = SupplierForm(request.POST or None, initial=SupplierForm.initial_for(supplier))
    people = [
        {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
        for c in supplier.contacts.all()
    ]
    contacts = ContactFormSet(request.POST or None, prefix="contacts", initial=people)
    return _form_page(request, supplier, form, contacts)


@require_POST
@agency_required
def supplier_delete(request: AgencyRequest, supplier_id: int) -> HttpResponse:
    supplier = _get_supplier(request, supplier_id)
    try:
        supplier_services.supplier_delete(supplier=supplier, actor=request.user)
    except supplier_services.SupplierInUse as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(_to_detail(supplier))
    messages.success(request, f"Supplier {supplier.name} deleted.")
    return HttpResponseRedirect(reverse("supplier_list"))


# Archive (or, at ``.../restore/``, restore).
supplier_archive = archive_view(
    _get_supplier,
    supplier_services.supplier_archive,
    supplier_services.supplier_restore,
    _to_detail,
)
