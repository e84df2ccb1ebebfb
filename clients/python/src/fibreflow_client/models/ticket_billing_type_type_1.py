from enum import StrEnum

class TicketBillingTypeType1(StrEnum):
    BILLABLE = "billable"
    GUARANTEE = "guarantee"
    INTERNAL = "internal"
    SLA = "sla"

    def __str__(self) -> str:
        return str(self.value)
