from enum import StrEnum

class FibertimeWebhookEvent(StrEnum):
    TICKET_CREATED = "ticket.created"
    TICKET_UPDATED = "ticket.updated"

    def __str__(self) -> str:
        return str(self.value)
