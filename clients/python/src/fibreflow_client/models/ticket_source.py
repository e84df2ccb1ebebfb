from enum import StrEnum

class TicketSource(StrEnum):
    ADHOC = "adhoc"
    BILLING = "billing"
    CONSTRUCTION = "construction"
    EMAIL = "email"
    FF_INTERNAL = "ff_internal"
    QCONTACT = "qcontact"
    WA_INBOUND = "wa_inbound"

    def __str__(self) -> str:
        return str(self.value)
