"""The CRM's models, gathered for Django and the migrations (app label ``crm``).

Each model lives in its domain package (``crm/clients/models.py``...); this module re-exports
them so that the app's models module, the migrations and ``crm.models.X`` references see no
change. Code inside a domain imports from its own package, not from here.
"""

from crm.bookings.models import (
    Booking,
    BookingService,
    BookingStatus,
    CommissionReceipt,
    CommissionSource,
    Payment,
    PaymentInstalment,
    PaymentKind,
    PaymentMethod,
    ServiceKind,
    ServiceStatus,
)
from crm.clients.import_models import (
    ClientImport,
    ClientImportChunk,
    ClientImportFailure,
    ImportStatus,
)
from crm.clients.models import (
    PHONE_MAX_LENGTH,
    Client,
    ClientKind,
    ClientSource,
    ClientStatus,
    Gender,
    Traveller,
)
from crm.enquiries.models import Enquiry, EnquiryForm, new_form_key
from crm.invoices.models import DocumentCounter, DocumentEmail, Invoice, Receipt
from crm.notifications.models import Notification, NotificationKind
from crm.proposals.models import (
    Acceptance,
    Proposal,
    ProposalLineItem,
    ProposalOption,
    ProposalStatus,
    ProposalVersion,
    RenderedPdf,
    TermsVersion,
    VersionEmail,
    new_share_token,
)
from crm.suppliers.models import Supplier, SupplierContact, SupplierType
from crm.tasks.models import FollowUpSettings, Task, TaskPriority, TaskSource
from crm.trips.models import (
    ItemKind,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    ItineraryStatus,
    ItineraryTemplate,
    LibraryItem,
)
from crm.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookMessage,
)

__all__ = [
    "PHONE_MAX_LENGTH",
    "Acceptance",
    "Booking",
    "BookingService",
    "BookingStatus",
    "Client",
    "ClientImport",
    "ClientImportChunk",
    "ClientImportFailure",
    "ClientKind",
    "ClientSource",
    "ClientStatus",
    "CommissionReceipt",
    "CommissionSource",
    "DeliveryStatus",
    "DocumentCounter",
    "DocumentEmail",
    "Enquiry",
    "EnquiryForm",
    "FollowUpSettings",
    "Gender",
    "ImportStatus",
    "Invoice",
    "ItemKind",
    "Itinerary",
    "ItineraryDay",
    "ItineraryItem",
    "ItineraryStatus",
    "ItineraryTemplate",
    "LibraryItem",
    "Notification",
    "NotificationKind",
    "Payment",
    "PaymentInstalment",
    "PaymentKind",
    "PaymentMethod",
    "Proposal",
    "ProposalLineItem",
    "ProposalOption",
    "ProposalStatus",
    "ProposalVersion",
    "Receipt",
    "RenderedPdf",
    "ServiceKind",
    "ServiceStatus",
    "Supplier",
    "SupplierContact",
    "SupplierType",
    "Task",
    "TaskPriority",
    "TaskSource",
    "TermsVersion",
    "Traveller",
    "VersionEmail",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookMessage",
    "new_form_key",
    "new_share_token",
]
