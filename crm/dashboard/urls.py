"""The dashboard (mounted at /) and the client's public proposal link /p/<token>."""

from django.urls import path

from accounts import integrations_views
from accounts import views as account_views
from crm.dashboard.views import (
    bookings,
    client_gdpr,
    client_imports,
    client_merge,
    clients,
    commission,
    documents,
    enquiries,
    exports,
    home,
    invoices,
    itineraries,
    itinerary_copies,
    itinerary_templates,
    library,
    notifications,
    plan_moves,
    proposal_options,
    proposal_versions,
    proposals,
    reports,
    suppliers,
    tasks,
    travellers,
)

itinerary = "itineraries/<int:itinerary_id>/"
template = "itinerary-templates/<int:template_id>/"

urlpatterns = [
    path("", home.home, name="home"),
    # The bell
    path("notifications/", notifications.notification_list, name="notification_list"),
    path(
        "notifications/read-all/",
        notifications.notification_read_all,
        name="notification_read_all",
    ),
    path(
        "notifications/<int:notification_id>/",
        notifications.notification_open,
        name="notification_open",
    ),
    path(
        "notifications/<int:notification_id>/read/",
        notifications.notification_read,
        name="notification_read",
    ),
    # Clients
    path("clients/", clients.client_list, name="client_list"),
    path("clients/new/", clients.client_create, name="client_create"),
    path("clients/duplicates/", client_merge.client_duplicates, name="client_duplicates"),
    path("clients/import/", client_imports.import_new, name="client_import_new"),
    path("clients/import/<int:import_id>/", client_imports.import_page, name="client_import"),
    path(
        "clients/import/<int:import_id>/failures.csv",
        client_imports.import_failures,
        name="client_import_failures",
    ),
    # CSV exports of the lists, with the list's filters (crm.exports)
    path("clients/export.csv", exports.clients_export, name="clients_export"),
    path("itineraries/export.csv", exports.itineraries_export, name="itineraries_export"),
    path("proposals/export.csv", exports.proposals_export, name="proposals_export"),
    path("bookings/export.csv", exports.bookings_export, name="bookings_export"),
    path("payments/export.csv", exports.payments_export, name="payments_export"),
    path("clients/<int:client_id>/merge/", client_merge.client_merge_page, name="client_merge"),
    path("clients/<int:client_id>/", clients.client_detail, name="client_detail"),
    path("clients/<int:client_id>/edit/", clients.client_edit, name="client_edit"),
    path("clients/<int:client_id>/notes/", clients.client_note_add, name="client_note_add"),
    path("clients/<int:client_id>/archive/", clients.client_archive, name="client_archive"),
    path(
        "clients/<int:client_id>/restore/",
        clients.client_archive,
        {"restore": True},
        name="client_restore",
    ),
    path("clients/<int:client_id>/delete/", clients.client_delete, name="client_delete"),
    path(
        "clients/<int:client_id>/travellers/new/",
        travellers.traveller_create,
        name="traveller_create",
    ),
    path(
        "clients/<int:client_id>/travellers/<int:traveller_id>/edit/",
        travellers.traveller_edit,
        name="traveller_edit",
    ),
    path(
        "clients/<int:client_id>/travellers/<int:traveller_id>/delete/",
        travellers.traveller_delete,
        name="traveller_delete",
    ),
    path(
        "itineraries/<int:itinerary_id>/travellers/",
        travellers.itinerary_travellers,
        name="itinerary_travellers",
    ),
    path(
        "proposals/<int:proposal_id>/travellers/",
        travellers.proposal_travellers,
        name="proposal_travellers",
    ),
    path(
        "bookings/<int:booking_id>/travellers/",
        travellers.booking_travellers,
        name="booking_travellers",
    ),
    path(
        "clients/<int:client_id>/travellers/<int:traveller_id>/reveal/",
        travellers.traveller_reveal,
        name="traveller_reveal",
    ),
    path(
        "clients/<int:client_id>/assign-to-me/",
        enquiries.client_assign_me,
        name="client_assign_me",
    ),
    # The enquiries inbox
    path("enquiries/", enquiries.enquiry_list, name="enquiry_list"),
    path("enquiries/<int:enquiry_id>/", enquiries.enquiry_detail, name="enquiry_detail"),
    path(
        "enquiries/<int:enquiry_id>/assign-to-me/",
        enquiries.enquiry_assign_me,
        name="enquiry_assign_me",
    ),
    path("enquiries/<int:enquiry_id>/status/", enquiries.enquiry_status, name="enquiry_status"),
    path("enquiries/<int:enquiry_id>/convert/", enquiries.enquiry_convert, name="enquiry_convert"),
    path("clients/<int:client_id>/gdpr/", client_gdpr.client_gdpr, name="client_gdpr"),
    path("clients/<int:client_id>/erase/", client_gdpr.client_erase, name="client_erase"),
    # Itinerary templates: saved plans to start new itineraries from
    path(
        "itinerary-templates/",
        itinerary_templates.template_list,
        name="itinerary_template_list",
    ),
    path(
        template,
        itinerary_templates.template_detail,
        name="itinerary_template_detail",
    ),
    path(
        f"{template}edit/",
        itinerary_templates.template_edit,
        name="itinerary_template_edit",
    ),
    path(
        f"{template}use/",
        itinerary_templates.template_use,
        name="itinerary_template_use",
    ),
    path(
        f"{template}delete/",
        itinerary_templates.template_delete,
        name="itinerary_template_delete",
    ),
    # Itineraries and the builder
    path("itineraries/", itineraries.itinerary_list, name="itinerary_list"),
    path("itineraries/new/", itineraries.itinerary_create, name="itinerary_create"),
    path(itinerary, itineraries.itinerary_detail, name="itinerary_detail"),
    path(f"{itinerary}edit/", itineraries.itinerary_edit, name="itinerary_edit"),
    path(f"{itinerary}print/", itineraries.itinerary_print, name="itinerary_print"),
    path(f"{itinerary}itinerary.pdf", documents.itinerary_pdf, name="itinerary_pdf"),
    path(
        f"{itinerary}duplicate/",
        itinerary_copies.itinerary_duplicate_page,
        name="itinerary_duplicate",
    ),
    path(
        f"{itinerary}save-as-template/",
        itinerary_templates.template_from_itinerary,
        name="itinerary_save_template",
    ),
    path(f"{itinerary}delete/", itineraries.itinerary_delete, name="itinerary_delete"),
    path(f"{itinerary}days/", itineraries.day_add, name="day_add"),
    path(f"{itinerary}days/<int:day_id>/edit/", itineraries.plan_edit, name="day_edit"),
    path(f"{itinerary}days/<int:day_id>/move/", plan_moves.plan_move, name="day_move"),
    path(f"{itinerary}days/<int:day_id>/delete/", itineraries.day_delete, name="day_delete"),
    path(f"{itinerary}days/<int:day_id>/items/", itineraries.item_add, name="item_add"),
    path(f"{itinerary}items/<int:item_id>/edit/", itineraries.plan_edit, name="item_edit"),
    path(f"{itinerary}items/<int:item_id>/move/", plan_moves.plan_move, name="item_move"),
    path(f"{itinerary}items/<int:item_id>/delete/", plan_moves.item_delete, name="item_delete"),
    path(
        f"{itinerary}days/<int:day_id>/items/from-library/",
        library.library_insert,
        name="library_insert",
    ),
    path(
        f"{itinerary}items/<int:item_id>/save-to-library/",
        library.item_save_to_library,
        name="item_save_to_library",
    ),
    path("library/", library.library_list, name="library_list"),
    path("library/new/", library.library_create, name="library_create"),
    path("library/<int:library_item_id>/edit/", library.library_edit, name="library_edit"),
    path("library/<int:library_item_id>/delete/", library.library_delete, name="library_delete"),
    # Proposals
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("proposals/<int:proposal_id>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:proposal_id>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:proposal_id>/send/", proposals.proposal_send, name="proposal_send"),
    path("proposals/<int:proposal_id>/status/", proposals.proposal_status, name="proposal_status"),
    path(
        "proposals/<int:proposal_id>/revoke-link/",
        proposals.proposal_revoke_link,
        name="proposal_revoke_link",
    ),
    path("proposals/<int:proposal_id>/book/", proposals.proposal_book, name="proposal_book"),
    path(
        "proposals/<int:proposal_id>/options/",
        proposal_options.proposal_options,
        name="proposal_options",
    ),
    path(
        "proposals/<int:proposal_id>/reactivate-link/",
        proposal_versions.proposal_reactivate_link,
        name="proposal_reactivate_link",
    ),
    path(
        "proposals/<int:proposal_id>/versions/<int:number>/",
        proposal_versions.proposal_version_detail,
        name="proposal_version",
    ),
    path(
        "proposals/<int:proposal_id>/versions/diff/",
        proposal_versions.proposal_version_diff,
        name="proposal_version_diff",
    ),
    path(
        "proposals/<int:proposal_id>/versions/<int:number>/proposal.pdf",
        documents.proposal_version_pdf,
        name="proposal_version_pdf",
    ),
    path(
        "proposals/<int:proposal_id>/certificate.pdf",
        documents.proposal_certificate_pdf,
        name="proposal_certificate_pdf",
    ),
    path(
        "proposals/<int:proposal_id>/certificate/",
        proposal_versions.proposal_certificate,
        name="proposal_certificate",
    ),
    # Bookings
    path("bookings/", bookings.booking_list, name="booking_list"),
    path("bookings/new/", bookings.booking_create, name="booking_create"),
    path("bookings/<int:booking_id>/", bookings.booking_detail, name="booking_detail"),
    path("bookings/<int:booking_id>/edit/", bookings.booking_edit, name="booking_edit"),
    path("bookings/<int:booking_id>/payments/", bookings.payment_add, name="payment_add"),
    path(
        "bookings/<int:booking_id>/payments/<int:payment_id>/edit/",
        bookings.payment_edit,
        name="payment_edit",
    ),
    path(
        "bookings/<int:booking_id>/payments/<int:payment_id>/void/",
        bookings.payment_void,
        name="payment_void",
    ),
    path("bookings/<int:booking_id>/schedule/", bookings.schedule_edit, name="schedule_edit"),
    path(
        "bookings/<int:booking_id>/schedule/template/",
        bookings.schedule_template,
        name="schedule_template",
    ),
    path(
        "bookings/<int:booking_id>/schedule/clear/",
        bookings.schedule_clear,
        name="schedule_clear",
    ),
    path("bookings/<int:booking_id>/archive/", bookings.booking_archive, name="booking_archive"),
    path(
        "bookings/<int:booking_id>/restore/",
        bookings.booking_archive,
        {"restore": True},
        name="booking_restore",
    ),
    path("bookings/<int:booking_id>/services/", bookings.service_add, name="booking_service_add"),
    path(
        "bookings/<int:booking_id>/services/<int:service_id>/edit/",
        bookings.service_edit,
        name="booking_service_edit",
    ),
    path(
        "bookings/<int:booking_id>/services/<int:service_id>/cancel/",
        bookings.service_cancel,
        name="booking_service_cancel",
    ),
    path(
        "bookings/<int:booking_id>/services/<int:service_id>/remove/",
        bookings.service_remove,
        name="booking_service_remove",
    ),
    # Invoices and receipts (crm/dashboard/views/invoices.py)
    path("bookings/<int:booking_id>/invoices/", invoices.invoice_issue, name="invoice_issue"),
    path("bookings/<int:booking_id>/receipts/", invoices.receipt_issue, name="receipt_issue"),
    *(
        path(f"{series}s/<int:{series}_id>/{suffix}", view, {"series": series}, name=name)
        for series in ("invoice", "receipt")
        for suffix, view, name in (
            ("", invoices.document_view, f"{series}_view"),
            ("pdf/", invoices.document_pdf, f"{series}_pdf"),
            ("email/", invoices.document_email, f"{series}_email"),
            ("void/", invoices.document_void, f"{series}_void"),
        )
    ),
    # Commission and reports (the agency's money, #15)
    path("commission/", commission.commission_page, name="commission"),
    path(
        "commission/services/<int:service_id>/receive/",
        commission.commission_receive,
        name="commission_receive",
    ),
    path(
        "commission/receipts/<int:commission_receipt_id>/void/",
        commission.commission_receipt_void,
        name="commission_receipt_void",
    ),
    path("reports/", reports.reports_page, name="reports"),
    # Suppliers
    path("suppliers/", suppliers.supplier_list, name="supplier_list"),
    path("suppliers/new/", suppliers.supplier_create, name="supplier_create"),
    path("suppliers/<int:supplier_id>/", suppliers.supplier_detail, name="supplier_detail"),
    path("suppliers/<int:supplier_id>/edit/", suppliers.supplier_edit, name="supplier_edit"),
    path(
        "suppliers/<int:supplier_id>/archive/", suppliers.supplier_archive, name="supplier_archive"
    ),
    path(
        "suppliers/<int:supplier_id>/restore/",
        suppliers.supplier_archive,
        {"restore": True},
        name="supplier_restore",
    ),
    path("suppliers/<int:supplier_id>/delete/", suppliers.supplier_delete, name="supplier_delete"),
    # Tasks
    path("tasks/", tasks.task_list, name="task_list"),
    path("tasks/new/", tasks.task_create, name="task_create"),
    path("tasks/<int:task_id>/edit/", tasks.task_edit, name="task_edit"),
    path("tasks/<int:task_id>/done/", tasks.task_toggle, name="task_toggle"),
    path("tasks/<int:task_id>/delete/", tasks.task_delete, name="task_delete"),
    path("settings/follow-ups/", tasks.follow_up_settings, name="follow_up_settings"),
    path("settings/reminders/", notifications.reminder_settings, name="reminder_settings"),
    # Settings (the website-forms pages are mounted at /settings/forms/ by config/urls.py)
    path("settings/team/", account_views.team, name="team"),
    path("settings/terms/", proposal_versions.terms_settings, name="terms_settings"),
    path("settings/invoices/", invoices.numbering_settings, name="numbering_settings"),
    path("settings/team/invite/", account_views.invitation_create, name="invitation_create"),
    path("settings/team/visibility/", account_views.visibility_update, name="visibility_update"),
    path(
        "settings/team/invitations/<int:invitation_id>/revoke/",
        account_views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("settings/team/members/<int:user_id>/", account_views.member_update, name="member_update"),
    path("settings/api-tokens/", account_views.api_tokens, name="api_tokens"),
    path(
        "settings/api-tokens/<int:token_id>/revoke/",
        account_views.api_token_revoke,
        name="api_token_revoke",
    ),
    path("settings/developer/", account_views.developer, name="developer"),
    path("settings/integrations/", integrations_views.integrations, name="integrations"),
    path(
        "settings/integrations/access/",
        integrations_views.integrations_access,
        name="integrations_access",
    ),
    path(
        "settings/integrations/rate/",
        integrations_views.integrations_rate,
        name="integrations_rate",
    ),
    path(
        "settings/integrations/tokens/<int:token_id>/rate/",
        integrations_views.integrations_token_rate,
        name="integrations_token_rate",
    ),
    path(
        "settings/integrations/tokens/<int:token_id>/revoke/",
        integrations_views.integrations_token_revoke,
        name="integrations_token_revoke",
    ),
]
