from enum import StrEnum

class ActivityAssignmentKind(StrEnum):
    ASSIGN = "assign"
    AUTO = "auto"
    CLAIM = "claim"
    ESCALATE = "escalate"

    def __str__(self) -> str:
        return str(self.value)
