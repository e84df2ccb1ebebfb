from enum import StrEnum

class TicketCreateSource(StrEnum):
    ADHOC = "adhoc"
    BILLING = "billing"
    CONSTRUCTION = "construction"
    FF_INTERNAL = "ff_internal"

    def __str__(self) -> str:
        return str(self.value)
