from enum import StrEnum

class BulkAction(StrEnum):
    ASSIGN = "assign"
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
