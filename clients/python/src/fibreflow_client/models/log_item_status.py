from enum import StrEnum

class LogItemStatus(StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"
    QUEUED = "queued"
    SENT = "sent"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
