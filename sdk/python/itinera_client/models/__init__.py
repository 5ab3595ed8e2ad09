"""Contains all the data models used in inputs/outputs"""

from .acceptance import Acceptance
from .acceptance_choice_type_0 import AcceptanceChoiceType0
from .acceptance_choice_type_0_lines_item import AcceptanceChoiceType0LinesItem
from .action_enum import ActionEnum
from .activity import Activity
from .activity_changes import ActivityChanges
from .activity_data import ActivityData
from .attempt import Attempt
from .blank_enum import BlankEnum
from .booking import Booking
from .booking_detail import BookingDetail
from .booking_detail_envelope import BookingDetailEnvelope
from .booking_input_request import BookingInputRequest
from .booking_service import BookingService
from .booking_service_create_request import BookingServiceCreateRequest
from .booking_service_create_status_enum import BookingServiceCreateStatusEnum
from .booking_service_envelope import BookingServiceEnvelope
from .booking_service_input_request import BookingServiceInputRequest
from .booking_status_enum import BookingStatusEnum
from .bookings_list_archived import BookingsListArchived
from .bookings_list_format import BookingsListFormat
from .bookings_list_overdue import BookingsListOverdue
from .bookings_list_sort_item import BookingsListSortItem
from .bookings_list_status import BookingsListStatus
from .bookings_payments_list_format import BookingsPaymentsListFormat
from .bookings_payments_list_kind import BookingsPaymentsListKind
from .channel_enum import ChannelEnum
from .client import Client
from .client_envelope import ClientEnvelope
from .client_import import ClientImport
from .client_import_envelope import ClientImportEnvelope
from .client_import_mapping import ClientImportMapping
from .client_import_status_enum import ClientImportStatusEnum
from .client_input_request import ClientInputRequest
from .client_input_request_country_type_1 import ClientInputRequestCountryType1
from .client_kind_enum import ClientKindEnum
from .client_source_enum import ClientSourceEnum
from .client_status_enum import ClientStatusEnum
from .clients_list_active import ClientsListActive
from .clients_list_archived import ClientsListArchived
from .clients_list_corporate import ClientsListCorporate
from .clients_list_format import ClientsListFormat
from .clients_list_kind import ClientsListKind
from .clients_list_sort_item import ClientsListSortItem
from .clients_list_source import ClientsListSource
from .clients_list_status import ClientsListStatus
from .clients_travellers_list_is_lead import ClientsTravellersListIsLead
from .commission_receipt import CommissionReceipt
from .commission_receipt_envelope import CommissionReceiptEnvelope
from .commission_receipt_input_request import CommissionReceiptInputRequest
from .commission_report import CommissionReport
from .commission_report_envelope import CommissionReportEnvelope
from .commission_source_enum import CommissionSourceEnum
from .conflict import Conflict
from .conflict_errors import ConflictErrors
from .contact_input_request import ContactInputRequest
from .country_code import CountryCode
from .currency_code import CurrencyCode
from .delivery import Delivery
from .delivery_detail import DeliveryDetail
from .delivery_detail_envelope import DeliveryDetailEnvelope
from .delivery_envelope import DeliveryEnvelope
from .delivery_status_enum import DeliveryStatusEnum
from .disabled_reason_enum import DisabledReasonEnum
from .document_void_request import DocumentVoidRequest
from .duplicate_check import DuplicateCheck
from .duplicate_check_envelope import DuplicateCheckEnvelope
from .duplicate_conflict import DuplicateConflict
from .duplicate_conflict_errors import DuplicateConflictErrors
from .duplicate_match import DuplicateMatch
from .duplicate_pair import DuplicatePair
from .duplicate_pairs import DuplicatePairs
from .duplicate_pairs_envelope import DuplicatePairsEnvelope
from .emailed import Emailed
from .emailed_envelope import EmailedEnvelope
from .emergency_contact import EmergencyContact
from .emergency_contact_input_request import EmergencyContactInputRequest
from .empty_request import EmptyRequest
from .enquiries_list_matched import EnquiriesListMatched
from .enquiries_list_mine import EnquiriesListMine
from .enquiries_list_sort_item import EnquiriesListSortItem
from .enquiries_list_status import EnquiriesListStatus
from .enquiries_list_unassigned import EnquiriesListUnassigned
from .enquiry import Enquiry
from .enquiry_envelope import EnquiryEnvelope
from .enquiry_extra import EnquiryExtra
from .enquiry_status_enum import EnquiryStatusEnum
from .error import Error
from .event_enum import EventEnum
from .event_type import EventType
from .event_type_enum import EventTypeEnum
from .event_type_list import EventTypeList
from .event_types_enum import EventTypesEnum
from .financials import Financials
from .gdpr_export import GdprExport
from .gdpr_export_bookings_item import GdprExportBookingsItem
from .gdpr_export_client import GdprExportClient
from .gdpr_export_enquiries_item import GdprExportEnquiriesItem
from .gdpr_export_envelope import GdprExportEnvelope
from .gdpr_export_history_item import GdprExportHistoryItem
from .gdpr_export_itineraries_item import GdprExportItinerariesItem
from .gdpr_export_proposals_item import GdprExportProposalsItem
from .gdpr_export_tasks_item import GdprExportTasksItem
from .gender_enum import GenderEnum
from .import_start_request import ImportStartRequest
from .import_start_request_mapping import ImportStartRequestMapping
from .import_start_request_mapping_additional_property import ImportStartRequestMappingAdditionalProperty
from .import_upload_request import ImportUploadRequest
from .instalment import Instalment
from .instalment_due import InstalmentDue
from .instalment_input_request import InstalmentInputRequest
from .instalment_state_enum import InstalmentStateEnum
from .invoice import Invoice
from .invoice_content import InvoiceContent
from .invoice_content_agency import InvoiceContentAgency
from .invoice_content_booking import InvoiceContentBooking
from .invoice_content_client import InvoiceContentClient
from .invoice_content_lines_item import InvoiceContentLinesItem
from .invoice_content_payment import InvoiceContentPayment
from .invoice_content_schedule_item import InvoiceContentScheduleItem
from .invoice_content_totals import InvoiceContentTotals
from .invoice_envelope import InvoiceEnvelope
from .issued_token import IssuedToken
from .issued_token_envelope import IssuedTokenEnvelope
from .item_kind_enum import ItemKindEnum
from .itineraries_list_format import ItinerariesListFormat
from .itineraries_list_sort_item import ItinerariesListSortItem
from .itineraries_list_status import ItinerariesListStatus
from .itinerary import Itinerary
from .itinerary_day import ItineraryDay
from .itinerary_day_input_request import ItineraryDayInputRequest
from .itinerary_detail import ItineraryDetail
from .itinerary_detail_envelope import ItineraryDetailEnvelope
from .itinerary_duplicate_request import ItineraryDuplicateRequest
from .itinerary_input_request import ItineraryInputRequest
from .itinerary_item import ItineraryItem
from .itinerary_item_from_library_request import ItineraryItemFromLibraryRequest
from .itinerary_item_input_request import ItineraryItemInputRequest
from .itinerary_item_move_request import ItineraryItemMoveRequest
from .itinerary_status_enum import ItineraryStatusEnum
from .itinerary_template import ItineraryTemplate
from .itinerary_template_detail import ItineraryTemplateDetail
from .itinerary_template_detail_envelope import ItineraryTemplateDetailEnvelope
from .itinerary_template_input_request import ItineraryTemplateInputRequest
from .itinerary_template_use_request import ItineraryTemplateUseRequest
from .itinerary_templates_list_sort_item import ItineraryTemplatesListSortItem
from .library_item import LibraryItem
from .library_item_envelope import LibraryItemEnvelope
from .library_item_input_request import LibraryItemInputRequest
from .library_items_list_kind import LibraryItemsListKind
from .library_items_list_sort_item import LibraryItemsListSortItem
from .line_item import LineItem
from .line_item_input_request import LineItemInputRequest
from .lookup_item import LookupItem
from .lookup_list import LookupList
from .loyalty import Loyalty
from .loyalty_request import LoyaltyRequest
from .matched_on_enum import MatchedOnEnum
from .me import Me
from .me_agency import MeAgency
from .me_counts import MeCounts
from .me_envelope import MeEnvelope
from .me_user import MeUser
from .merge_input_request import MergeInputRequest
from .merge_result import MergeResult
from .merge_result_client import MergeResultClient
from .merge_result_envelope import MergeResultEnvelope
from .merge_result_moved import MergeResultMoved
from .month import Month
from .monthly_report import MonthlyReport
from .monthly_report_envelope import MonthlyReportEnvelope
from .option import Option
from .option_input_request import OptionInputRequest
from .page_meta import PageMeta
from .paginated_activity_list import PaginatedActivityList
from .paginated_booking_list import PaginatedBookingList
from .paginated_booking_service_list import PaginatedBookingServiceList
from .paginated_client_import_list import PaginatedClientImportList
from .paginated_client_list import PaginatedClientList
from .paginated_commission_receipt_list import PaginatedCommissionReceiptList
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_enquiry_list import PaginatedEnquiryList
from .paginated_instalment_due_list import PaginatedInstalmentDueList
from .paginated_invoice_list import PaginatedInvoiceList
from .paginated_itinerary_list import PaginatedItineraryList
from .paginated_itinerary_template_list import PaginatedItineraryTemplateList
from .paginated_library_item_list import PaginatedLibraryItemList
from .paginated_payment_list import PaginatedPaymentList
from .paginated_proposal_list import PaginatedProposalList
from .paginated_proposal_version_list import PaginatedProposalVersionList
from .paginated_receipt_list import PaginatedReceiptList
from .paginated_supplier_list import PaginatedSupplierList
from .paginated_task_list import PaginatedTaskList
from .paginated_traveller_list import PaginatedTravellerList
from .paginated_webhook_list import PaginatedWebhookList
from .passport_warning import PassportWarning
from .patched_booking_input_request import PatchedBookingInputRequest
from .patched_booking_service_input_request import PatchedBookingServiceInputRequest
from .patched_client_input_request import PatchedClientInputRequest
from .patched_client_input_request_country_type_1 import PatchedClientInputRequestCountryType1
from .patched_enquiry_update_request import PatchedEnquiryUpdateRequest
from .patched_itinerary_input_request import PatchedItineraryInputRequest
from .patched_itinerary_template_update_request import PatchedItineraryTemplateUpdateRequest
from .patched_library_item_input_request import PatchedLibraryItemInputRequest
from .patched_payment_update_request import PatchedPaymentUpdateRequest
from .patched_proposal_input_request import PatchedProposalInputRequest
from .patched_supplier_input_request import PatchedSupplierInputRequest
from .patched_task_input_request import PatchedTaskInputRequest
from .patched_traveller_input_request import PatchedTravellerInputRequest
from .patched_traveller_input_request_nationality_type_1 import PatchedTravellerInputRequestNationalityType1
from .patched_traveller_input_request_passport_country_type_1 import PatchedTravellerInputRequestPassportCountryType1
from .patched_webhook_input_request import PatchedWebhookInputRequest
from .payment import Payment
from .payment_envelope import PaymentEnvelope
from .payment_input_request import PaymentInputRequest
from .payment_kind_enum import PaymentKindEnum
from .payment_method_enum import PaymentMethodEnum
from .pdf_pending import PdfPending
from .pdf_pending_data import PdfPendingData
from .pdf_pending_data_status_enum import PdfPendingDataStatusEnum
from .pdf_status_enum import PdfStatusEnum
from .preview import Preview
from .preview_envelope import PreviewEnvelope
from .preview_row import PreviewRow
from .preview_row_client import PreviewRowClient
from .priced_by_enum import PricedByEnum
from .priority_enum import PriorityEnum
from .proposal import Proposal
from .proposal_detail import ProposalDetail
from .proposal_detail_envelope import ProposalDetailEnvelope
from .proposal_input_request import ProposalInputRequest
from .proposal_send_request import ProposalSendRequest
from .proposal_status_enum import ProposalStatusEnum
from .proposal_version import ProposalVersion
from .proposal_version_detail import ProposalVersionDetail
from .proposal_version_detail_content import ProposalVersionDetailContent
from .proposal_version_detail_content_format import ProposalVersionDetailContentFormat
from .proposal_version_detail_content_itinerary_type_0 import ProposalVersionDetailContentItineraryType0
from .proposal_version_detail_content_itinerary_type_0_days_item import (
    ProposalVersionDetailContentItineraryType0DaysItem,
)
from .proposal_version_detail_content_itinerary_type_0_days_item_items_item import (
    ProposalVersionDetailContentItineraryType0DaysItemItemsItem,
)
from .proposal_version_detail_content_itinerary_type_0_days_item_items_item_kind import (
    ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind,
)
from .proposal_version_detail_content_options_item import ProposalVersionDetailContentOptionsItem
from .proposal_version_detail_content_options_item_lines_item import ProposalVersionDetailContentOptionsItemLinesItem
from .proposal_version_detail_content_terms_type_0 import ProposalVersionDetailContentTermsType0
from .proposal_version_detail_envelope import ProposalVersionDetailEnvelope
from .proposals_list_format import ProposalsListFormat
from .proposals_list_sort_item import ProposalsListSortItem
from .proposals_list_status import ProposalsListStatus
from .receipt import Receipt
from .receipt_content import ReceiptContent
from .receipt_content_agency import ReceiptContentAgency
from .receipt_content_booking import ReceiptContentBooking
from .receipt_content_client import ReceiptContentClient
from .receipt_content_lines_item import ReceiptContentLinesItem
from .receipt_content_payment import ReceiptContentPayment
from .receipt_content_schedule_item import ReceiptContentScheduleItem
from .receipt_content_totals import ReceiptContentTotals
from .receipt_envelope import ReceiptEnvelope
from .receipt_input_request import ReceiptInputRequest
from .role_enum import RoleEnum
from .schedule import Schedule
from .schedule_envelope import ScheduleEnvelope
from .schedule_input_request import ScheduleInputRequest
from .schedule_template_enum import ScheduleTemplateEnum
from .service_kind_enum import ServiceKindEnum
from .service_status_enum import ServiceStatusEnum
from .supplier import Supplier
from .supplier_commission import SupplierCommission
from .supplier_contact import SupplierContact
from .supplier_contact_input_request import SupplierContactInputRequest
from .supplier_envelope import SupplierEnvelope
from .supplier_input_request import SupplierInputRequest
from .suppliers_list_archived import SuppliersListArchived
from .suppliers_list_sort_item import SuppliersListSortItem
from .suppliers_list_type import SuppliersListType
from .task import Task
from .task_envelope import TaskEnvelope
from .task_input_request import TaskInputRequest
from .task_source_enum import TaskSourceEnum
from .tasks_list_due import TasksListDue
from .tasks_list_mine import TasksListMine
from .tasks_list_priority import TasksListPriority
from .tasks_list_sort_item import TasksListSortItem
from .tasks_list_source import TasksListSource
from .tasks_list_status import TasksListStatus
from .template_day import TemplateDay
from .template_item import TemplateItem
from .token_request_request import TokenRequestRequest
from .token_usage import TokenUsage
from .token_usage_envelope import TokenUsageEnvelope
from .traveller import Traveller
from .traveller_documents import TravellerDocuments
from .traveller_documents_envelope import TravellerDocumentsEnvelope
from .traveller_envelope import TravellerEnvelope
from .traveller_input_request import TravellerInputRequest
from .traveller_input_request_nationality_type_1 import TravellerInputRequestNationalityType1
from .traveller_input_request_passport_country_type_1 import TravellerInputRequestPassportCountryType1
from .type_enum import TypeEnum
from .usage_day import UsageDay
from .validation_error import ValidationError
from .validation_error_errors import ValidationErrorErrors
from .void_receipt_request import VoidReceiptRequest
from .void_request import VoidRequest
from .webhook import Webhook
from .webhook_envelope import WebhookEnvelope
from .webhook_input_request import WebhookInputRequest
from .webhook_with_secret import WebhookWithSecret
from .webhook_with_secret_envelope import WebhookWithSecretEnvelope
from .webhooks_deliveries_list_event_type import WebhooksDeliveriesListEventType
from .webhooks_deliveries_list_status import WebhooksDeliveriesListStatus

__all__ = (
    "Acceptance",
    "AcceptanceChoiceType0",
    "AcceptanceChoiceType0LinesItem",
    "ActionEnum",
    "Activity",
    "ActivityChanges",
    "ActivityData",
    "Attempt",
    "BlankEnum",
    "Booking",
    "BookingDetail",
    "BookingDetailEnvelope",
    "BookingInputRequest",
    "BookingService",
    "BookingServiceCreateRequest",
    "BookingServiceCreateStatusEnum",
    "BookingServiceEnvelope",
    "BookingServiceInputRequest",
    "BookingsListArchived",
    "BookingsListFormat",
    "BookingsListOverdue",
    "BookingsListSortItem",
    "BookingsListStatus",
    "BookingsPaymentsListFormat",
    "BookingsPaymentsListKind",
    "BookingStatusEnum",
    "ChannelEnum",
    "Client",
    "ClientEnvelope",
    "ClientImport",
    "ClientImportEnvelope",
    "ClientImportMapping",
    "ClientImportStatusEnum",
    "ClientInputRequest",
    "ClientInputRequestCountryType1",
    "ClientKindEnum",
    "ClientsListActive",
    "ClientsListArchived",
    "ClientsListCorporate",
    "ClientsListFormat",
    "ClientsListKind",
    "ClientsListSortItem",
    "ClientsListSource",
    "ClientsListStatus",
    "ClientSourceEnum",
    "ClientStatusEnum",
    "ClientsTravellersListIsLead",
    "CommissionReceipt",
    "CommissionReceiptEnvelope",
    "CommissionReceiptInputRequest",
    "CommissionReport",
    "CommissionReportEnvelope",
    "CommissionSourceEnum",
    "Conflict",
    "ConflictErrors",
    "ContactInputRequest",
    "CountryCode",
    "CurrencyCode",
    "Delivery",
    "DeliveryDetail",
    "DeliveryDetailEnvelope",
    "DeliveryEnvelope",
    "DeliveryStatusEnum",
    "DisabledReasonEnum",
    "DocumentVoidRequest",
    "DuplicateCheck",
    "DuplicateCheckEnvelope",
    "DuplicateConflict",
    "DuplicateConflictErrors",
    "DuplicateMatch",
    "DuplicatePair",
    "DuplicatePairs",
    "DuplicatePairsEnvelope",
    "Emailed",
    "EmailedEnvelope",
    "EmergencyContact",
    "EmergencyContactInputRequest",
    "EmptyRequest",
    "EnquiriesListMatched",
    "EnquiriesListMine",
    "EnquiriesListSortItem",
    "EnquiriesListStatus",
    "EnquiriesListUnassigned",
    "Enquiry",
    "EnquiryEnvelope",
    "EnquiryExtra",
    "EnquiryStatusEnum",
    "Error",
    "EventEnum",
    "EventType",
    "EventTypeEnum",
    "EventTypeList",
    "EventTypesEnum",
    "Financials",
    "GdprExport",
    "GdprExportBookingsItem",
    "GdprExportClient",
    "GdprExportEnquiriesItem",
    "GdprExportEnvelope",
    "GdprExportHistoryItem",
    "GdprExportItinerariesItem",
    "GdprExportProposalsItem",
    "GdprExportTasksItem",
    "GenderEnum",
    "ImportStartRequest",
    "ImportStartRequestMapping",
    "ImportStartRequestMappingAdditionalProperty",
    "ImportUploadRequest",
    "Instalment",
    "InstalmentDue",
    "InstalmentInputRequest",
    "InstalmentStateEnum",
    "Invoice",
    "InvoiceContent",
    "InvoiceContentAgency",
    "InvoiceContentBooking",
    "InvoiceContentClient",
    "InvoiceContentLinesItem",
    "InvoiceContentPayment",
    "InvoiceContentScheduleItem",
    "InvoiceContentTotals",
    "InvoiceEnvelope",
    "IssuedToken",
    "IssuedTokenEnvelope",
    "ItemKindEnum",
    "ItinerariesListFormat",
    "ItinerariesListSortItem",
    "ItinerariesListStatus",
    "Itinerary",
    "ItineraryDay",
    "ItineraryDayInputRequest",
    "ItineraryDetail",
    "ItineraryDetailEnvelope",
    "ItineraryDuplicateRequest",
    "ItineraryInputRequest",
    "ItineraryItem",
    "ItineraryItemFromLibraryRequest",
    "ItineraryItemInputRequest",
    "ItineraryItemMoveRequest",
    "ItineraryStatusEnum",
    "ItineraryTemplate",
    "ItineraryTemplateDetail",
    "ItineraryTemplateDetailEnvelope",
    "ItineraryTemplateInputRequest",
    "ItineraryTemplatesListSortItem",
    "ItineraryTemplateUseRequest",
    "LibraryItem",
    "LibraryItemEnvelope",
    "LibraryItemInputRequest",
    "LibraryItemsListKind",
    "LibraryItemsListSortItem",
    "LineItem",
    "LineItemInputRequest",
    "LookupItem",
    "LookupList",
    "Loyalty",
    "LoyaltyRequest",
    "MatchedOnEnum",
    "Me",
    "MeAgency",
    "MeCounts",
    "MeEnvelope",
    "MergeInputRequest",
    "MergeResult",
    "MergeResultClient",
    "MergeResultEnvelope",
    "MergeResultMoved",
    "MeUser",
    "Month",
    "MonthlyReport",
    "MonthlyReportEnvelope",
    "Option",
    "OptionInputRequest",
    "PageMeta",
    "PaginatedActivityList",
    "PaginatedBookingList",
    "PaginatedBookingServiceList",
    "PaginatedClientImportList",
    "PaginatedClientList",
    "PaginatedCommissionReceiptList",
    "PaginatedDeliveryList",
    "PaginatedEnquiryList",
    "PaginatedInstalmentDueList",
    "PaginatedInvoiceList",
    "PaginatedItineraryList",
    "PaginatedItineraryTemplateList",
    "PaginatedLibraryItemList",
    "PaginatedPaymentList",
    "PaginatedProposalList",
    "PaginatedProposalVersionList",
    "PaginatedReceiptList",
    "PaginatedSupplierList",
    "PaginatedTaskList",
    "PaginatedTravellerList",
    "PaginatedWebhookList",
    "PassportWarning",
    "PatchedBookingInputRequest",
    "PatchedBookingServiceInputRequest",
    "PatchedClientInputRequest",
    "PatchedClientInputRequestCountryType1",
    "PatchedEnquiryUpdateRequest",
    "PatchedItineraryInputRequest",
    "PatchedItineraryTemplateUpdateRequest",
    "PatchedLibraryItemInputRequest",
    "PatchedPaymentUpdateRequest",
    "PatchedProposalInputRequest",
    "PatchedSupplierInputRequest",
    "PatchedTaskInputRequest",
    "PatchedTravellerInputRequest",
    "PatchedTravellerInputRequestNationalityType1",
    "PatchedTravellerInputRequestPassportCountryType1",
    "PatchedWebhookInputRequest",
    "Payment",
    "PaymentEnvelope",
    "PaymentInputRequest",
    "PaymentKindEnum",
    "PaymentMethodEnum",
    "PdfPending",
    "PdfPendingData",
    "PdfPendingDataStatusEnum",
    "PdfStatusEnum",
    "Preview",
    "PreviewEnvelope",
    "PreviewRow",
    "PreviewRowClient",
    "PricedByEnum",
    "PriorityEnum",
    "Proposal",
    "ProposalDetail",
    "ProposalDetailEnvelope",
    "ProposalInputRequest",
    "ProposalSendRequest",
    "ProposalsListFormat",
    "ProposalsListSortItem",
    "ProposalsListStatus",
    "ProposalStatusEnum",
    "ProposalVersion",
    "ProposalVersionDetail",
    "ProposalVersionDetailContent",
    "ProposalVersionDetailContentFormat",
    "ProposalVersionDetailContentItineraryType0",
    "ProposalVersionDetailContentItineraryType0DaysItem",
    "ProposalVersionDetailContentItineraryType0DaysItemItemsItem",
    "ProposalVersionDetailContentItineraryType0DaysItemItemsItemKind",
    "ProposalVersionDetailContentOptionsItem",
    "ProposalVersionDetailContentOptionsItemLinesItem",
    "ProposalVersionDetailContentTermsType0",
    "ProposalVersionDetailEnvelope",
    "Receipt",
    "ReceiptContent",
    "ReceiptContentAgency",
    "ReceiptContentBooking",
    "ReceiptContentClient",
    "ReceiptContentLinesItem",
    "ReceiptContentPayment",
    "ReceiptContentScheduleItem",
    "ReceiptContentTotals",
    "ReceiptEnvelope",
    "ReceiptInputRequest",
    "RoleEnum",
    "Schedule",
    "ScheduleEnvelope",
    "ScheduleInputRequest",
    "ScheduleTemplateEnum",
    "ServiceKindEnum",
    "ServiceStatusEnum",
    "Supplier",
    "SupplierCommission",
    "SupplierContact",
    "SupplierContactInputRequest",
    "SupplierEnvelope",
    "SupplierInputRequest",
    "SuppliersListArchived",
    "SuppliersListSortItem",
    "SuppliersListType",
    "Task",
    "TaskEnvelope",
    "TaskInputRequest",
    "TasksListDue",
    "TasksListMine",
    "TasksListPriority",
    "TasksListSortItem",
    "TasksListSource",
    "TasksListStatus",
    "TaskSourceEnum",
    "TemplateDay",
    "TemplateItem",
    "TokenRequestRequest",
    "TokenUsage",
    "TokenUsageEnvelope",
    "Traveller",
    "TravellerDocuments",
    "TravellerDocumentsEnvelope",
    "TravellerEnvelope",
    "TravellerInputRequest",
    "TravellerInputRequestNationalityType1",
    "TravellerInputRequestPassportCountryType1",
    "TypeEnum",
    "UsageDay",
    "ValidationError",
    "ValidationErrorErrors",
    "VoidReceiptRequest",
    "VoidRequest",
    "Webhook",
    "WebhookEnvelope",
    "WebhookInputRequest",
    "WebhooksDeliveriesListEventType",
    "WebhooksDeliveriesListStatus",
    "WebhookWithSecret",
    "WebhookWithSecretEnvelope",
)
