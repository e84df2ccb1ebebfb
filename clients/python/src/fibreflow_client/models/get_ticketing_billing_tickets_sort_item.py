from enum import StrEnum

class GetTicketingBillingTicketsSortItem(StrEnum):
    CREATED_AT = "created_at"
    ESTIMATED_COST = "estimated_cost"
    INVOICED_AT = "invoiced_at"
    TICKET_CREATED_AT = "ticket_created_at"
    TICKET_UID = "ticket_uid"
    VALUE_1 = "-ticket_created_at"
    VALUE_3 = "-created_at"
    VALUE_5 = "-ticket_uid"
    VALUE_7 = "-estimated_cost"
    VALUE_9 = "-invoiced_at"

    def __str__(self) -> str:
        return str(self.value)
