from enum import StrEnum

class GetQcontactCasesQcStatusItem(StrEnum):
    CLOSED = "Closed"
    IN_PROGRESS = "In Progress"
    OPEN = "Open"
    PENDING = "Pending"
    RESOLVED = "Resolved"

    def __str__(self) -> str:
        return str(self.value)
