"""Contains all the data models used in inputs/outputs"""

from .acceptance import Acceptance
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
from .booking_service_envelope import BookingServiceEnvelope
from .booking_service_input_request import BookingServiceInputRequest
from .booking_status_enum import BookingStatusEnum
from .bookings_list_archived import BookingsListArchived
from .bookings_list_overdue import BookingsListOverdue
from .bookings_list_sort_item import BookingsListSortItem
from .bookings_list_status import BookingsListStatus
from .bookings_payments_list_kind import BookingsPaymentsListKind
from .channel_enum import ChannelEnum
from .client import Client
from .client_envelope import ClientEnvelope
from .client_input_request import ClientInputRequest
from .client_source_enum import ClientSourceEnum
from .client_status_enum import ClientStatusEnum
from .clients_list_active import ClientsListActive
from .clients_list_archived import ClientsListArchived
from .clients_list_corporate import ClientsListCorporate
from .clients_list_sort_item import ClientsListSortItem
from .clients_list_source import ClientsListSource
from .clients_list_status import ClientsListStatus
from .commission_source_enum import CommissionSourceEnum
from .delivery import Delivery
from .delivery_detail import DeliveryDetail
from .delivery_detail_envelope import DeliveryDetailEnvelope
from .delivery_envelope import DeliveryEnvelope
from .delivery_status_enum import DeliveryStatusEnum
from .disabled_reason_enum import DisabledReasonEnum
from .error import Error
from .event_enum import EventEnum
from .event_type import EventType
from .event_type_enum import EventTypeEnum
from .event_type_list import EventTypeList
from .event_types_enum import EventTypesEnum
from .financials import Financials
from .instalment import Instalment
from .instalment_input_request import InstalmentInputRequest
from .instalment_state_enum import InstalmentStateEnum
from .issued_token import IssuedToken
from .issued_token_envelope import IssuedTokenEnvelope
from .item_kind_enum import ItemKindEnum
from .itineraries_list_sort_item import ItinerariesListSortItem
from .itineraries_list_status import ItinerariesListStatus
from .itinerary import Itinerary
from .itinerary_day import ItineraryDay
from .itinerary_day_input_request import ItineraryDayInputRequest
from .itinerary_detail import ItineraryDetail
from .itinerary_detail_envelope import ItineraryDetailEnvelope
from .itinerary_input_request import ItineraryInputRequest
from .itinerary_item import ItineraryItem
from .itinerary_item_input_request import ItineraryItemInputRequest
from .itinerary_status_enum import ItineraryStatusEnum
from .lookup_item import LookupItem
from .lookup_list import LookupList
from .me import Me
from .me_agency import MeAgency
from .me_counts import MeCounts
from .me_envelope import MeEnvelope
from .me_user import MeUser
from .page_meta import PageMeta
from .paginated_activity_list import PaginatedActivityList
from .paginated_booking_list import PaginatedBookingList
from .paginated_booking_service_list import PaginatedBookingServiceList
from .paginated_client_list import PaginatedClientList
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_itinerary_list import PaginatedItineraryList
from .paginated_payment_list import PaginatedPaymentList
from .paginated_proposal_list import PaginatedProposalList
from .paginated_proposal_version_list import PaginatedProposalVersionList
from .paginated_supplier_list import PaginatedSupplierList
from .paginated_task_list import PaginatedTaskList
from .paginated_webhook_list import PaginatedWebhookList
from .patched_booking_input_request import PatchedBookingInputRequest
from .patched_booking_service_input_request import PatchedBookingServiceInputRequest
from .patched_client_input_request import PatchedClientInputRequest
from .patched_itinerary_input_request import PatchedItineraryInputRequest
from .patched_payment_update_request import PatchedPaymentUpdateRequest
from .patched_proposal_input_request import PatchedProposalInputRequest
from .patched_supplier_input_request import PatchedSupplierInputRequest
from .patched_task_input_request import PatchedTaskInputRequest
from .patched_webhook_input_request import PatchedWebhookInputRequest
from .payment import Payment
from .payment_envelope import PaymentEnvelope
from .payment_input_request import PaymentInputRequest
from .payment_kind_enum import PaymentKindEnum
from .payment_method_enum import PaymentMethodEnum
from .priced_by_enum import PricedByEnum
from .priority_enum import PriorityEnum
from .proposal import Proposal
from .proposal_envelope import ProposalEnvelope
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
from .proposal_version_detail_content_terms_type_0 import ProposalVersionDetailContentTermsType0
from .proposal_version_detail_envelope import ProposalVersionDetailEnvelope
from .proposals_list_sort_item import ProposalsListSortItem
from .proposals_list_status import ProposalsListStatus
from .role_enum import RoleEnum
from .schedule import Schedule
from .schedule_envelope import ScheduleEnvelope
from .schedule_input_request import ScheduleInputRequest
from .schedule_template_enum import ScheduleTemplateEnum
from .service_kind_enum import ServiceKindEnum
from .service_status_enum import ServiceStatusEnum
from .supplier import Supplier
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
from .token_request_request import TokenRequestRequest
from .token_usage import TokenUsage
from .token_usage_envelope import TokenUsageEnvelope
from .type_enum import TypeEnum
from .usage_day import UsageDay
from .validation_error import ValidationError
from .validation_error_errors import ValidationErrorErrors
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
    "BookingServiceEnvelope",
    "BookingServiceInputRequest",
    "BookingsListArchived",
    "BookingsListOverdue",
    "BookingsListSortItem",
    "BookingsListStatus",
    "BookingsPaymentsListKind",
    "BookingStatusEnum",
    "ChannelEnum",
    "Client",
    "ClientEnvelope",
    "ClientInputRequest",
    "ClientsListActive",
    "ClientsListArchived",
    "ClientsListCorporate",
    "ClientsListSortItem",
    "ClientsListSource",
    "ClientsListStatus",
    "ClientSourceEnum",
    "ClientStatusEnum",
    "CommissionSourceEnum",
    "Delivery",
    "DeliveryDetail",
    "DeliveryDetailEnvelope",
    "DeliveryEnvelope",
    "DeliveryStatusEnum",
    "DisabledReasonEnum",
    "Error",
    "EventEnum",
    "EventType",
    "EventTypeEnum",
    "EventTypeList",
    "EventTypesEnum",
    "Financials",
    "Instalment",
    "InstalmentInputRequest",
    "InstalmentStateEnum",
    "IssuedToken",
    "IssuedTokenEnvelope",
    "ItemKindEnum",
    "ItinerariesListSortItem",
    "ItinerariesListStatus",
    "Itinerary",
    "ItineraryDay",
    "ItineraryDayInputRequest",
    "ItineraryDetail",
    "ItineraryDetailEnvelope",
    "ItineraryInputRequest",
    "ItineraryItem",
    "ItineraryItemInputRequest",
    "ItineraryStatusEnum",
    "LookupItem",
    "LookupList",
    "Me",
    "MeAgency",
    "MeCounts",
    "MeEnvelope",
    "MeUser",
    "PageMeta",
    "PaginatedActivityList",
    "PaginatedBookingList",
    "PaginatedBookingServiceList",
    "PaginatedClientList",
    "PaginatedDeliveryList",
    "PaginatedItineraryList",
    "PaginatedPaymentList",
    "PaginatedProposalList",
    "PaginatedProposalVersionList",
    "PaginatedSupplierList",
    "PaginatedTaskList",
    "PaginatedWebhookList",
    "PatchedBookingInputRequest",
    "PatchedBookingServiceInputRequest",
    "PatchedClientInputRequest",
    "PatchedItineraryInputRequest",
    "PatchedPaymentUpdateRequest",
    "PatchedProposalInputRequest",
    "PatchedSupplierInputRequest",
    "PatchedTaskInputRequest",
    "PatchedWebhookInputRequest",
    "Payment",
    "PaymentEnvelope",
    "PaymentInputRequest",
    "PaymentKindEnum",
    "PaymentMethodEnum",
    "PricedByEnum",
    "PriorityEnum",
    "Proposal",
    "ProposalEnvelope",
    "ProposalInputRequest",
    "ProposalSendRequest",
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
    "ProposalVersionDetailContentTermsType0",
    "ProposalVersionDetailEnvelope",
    "RoleEnum",
    "Schedule",
    "ScheduleEnvelope",
    "ScheduleInputRequest",
    "ScheduleTemplateEnum",
    "ServiceKindEnum",
    "ServiceStatusEnum",
    "Supplier",
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
    "TokenRequestRequest",
    "TokenUsage",
    "TokenUsageEnvelope",
    "TypeEnum",
    "UsageDay",
    "ValidationError",
    "ValidationErrorErrors",
    "VoidRequest",
    "Webhook",
    "WebhookEnvelope",
    "WebhookInputRequest",
    "WebhooksDeliveriesListEventType",
    "WebhooksDeliveriesListStatus",
    "WebhookWithSecret",
    "WebhookWithSecretEnvelope",
)
