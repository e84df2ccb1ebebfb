from enum import StrEnum

class GetTicketsStatusItem(StrEnum):
    ASSIGNED = "assigned"
    BLOCKED = "blocked"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    NEW = "new"
    RESOLVED = "resolved"
    TRIAGED = "triaged"

    def __str__(self) -> str:
        return str(self.value)
