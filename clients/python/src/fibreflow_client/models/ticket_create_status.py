from enum import StrEnum

class TicketCreateStatus(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"

    def __str__(self) -> str:
        return str(self.value)
