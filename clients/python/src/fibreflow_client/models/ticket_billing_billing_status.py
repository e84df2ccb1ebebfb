from enum import StrEnum

class TicketBillingBillingStatus(StrEnum):
    APPROVED = "approved"
    FAILED = "failed"
    INVOICED = "invoiced"
    NOT_REQUIRED = "not_required"
    PAID = "paid"
    PENDING_APPROVAL = "pending_approval"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
