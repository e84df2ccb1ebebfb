from enum import StrEnum

class GetWebhooksBySubscriptionIdDeliveriesEventTypeItem(StrEnum):
    BILLING_APPROVAL_REQUESTED = "billing.approval_requested"
    BILLING_APPROVED = "billing.approved"
    BILLING_CLASSIFIED = "billing.classified"
    BILLING_INVOICED = "billing.invoiced"
    BILLING_INVOICE_FAILED = "billing.invoice_failed"
    BILLING_PAID = "billing.paid"
    BILLING_REJECTED = "billing.rejected"
    NOTIFICATION_FAILED = "notification.failed"
    NOTIFICATION_SENT = "notification.sent"
    SLA_BREACHED = "sla.breached"
    SLA_CRITICAL = "sla.critical"
    SLA_UPDATED = "sla.updated"
    SLA_WARNING = "sla.warning"
    TEAM_UPDATED = "team.updated"
    TICKET_ASSIGNED = "ticket.assigned"
    TICKET_CREATED = "ticket.created"
    TICKET_DELETED = "ticket.deleted"
    TICKET_NOTE_ADDED = "ticket.note_added"
    TICKET_RESTORED = "ticket.restored"
    TICKET_STATUS_CHANGED = "ticket.status_changed"
    TICKET_UPDATED = "ticket.updated"
    USER_CREATED = "user.created"
    USER_UPDATED = "user.updated"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        return str(self.value)
