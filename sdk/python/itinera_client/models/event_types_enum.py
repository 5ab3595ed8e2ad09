from enum import StrEnum


class EventTypesEnum(StrEnum):
    BOOKING_CREATED = "booking.created"
    BOOKING_DELETED = "booking.deleted"
    BOOKING_UPDATED = "booking.updated"
    CLIENT_ARCHIVED = "client.archived"
    CLIENT_CREATED = "client.created"
    CLIENT_DELETED = "client.deleted"
    CLIENT_RESTORED = "client.restored"
    CLIENT_UPDATED = "client.updated"
    COMMISSION_RECEIVED = "commission.received"
    COMMISSION_VOIDED = "commission.voided"
    ENQUIRY_RECEIVED = "enquiry.received"
    INSTALMENT_OVERDUE = "instalment.overdue"
    ITINERARY_CREATED = "itinerary.created"
    ITINERARY_DELETED = "itinerary.deleted"
    ITINERARY_UPDATED = "itinerary.updated"
    PAYMENT_RECORDED = "payment.recorded"
    PAYMENT_REFUNDED = "payment.refunded"
    PAYMENT_UPDATED = "payment.updated"
    PAYMENT_VOIDED = "payment.voided"
    PROPOSAL_ACCEPTED = "proposal.accepted"
    PROPOSAL_CREATED = "proposal.created"
    PROPOSAL_DECLINED = "proposal.declined"
    PROPOSAL_DELETED = "proposal.deleted"
    PROPOSAL_EXPIRED = "proposal.expired"
    PROPOSAL_SENT = "proposal.sent"
    PROPOSAL_UPDATED = "proposal.updated"
    PROPOSAL_VIEWED = "proposal.viewed"
    TASK_COMPLETED = "task.completed"
    TASK_CREATED = "task.created"
    TASK_DELETED = "task.deleted"
    TASK_REOPENED = "task.reopened"
    TASK_UPDATED = "task.updated"

    def __str__(self) -> str:
        return str(self.value)
