from enum import StrEnum

class ActivityKind(StrEnum):
    ASSIGNMENT = "assignment"
    ATTACHMENT = "attachment"
    CHANGE = "change"
    CREATED = "created"
    MESSAGE = "message"
    NOTE = "note"
    STATUS_CHANGE = "status_change"

    def __str__(self) -> str:
        return str(self.value)
