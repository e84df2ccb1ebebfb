from enum import StrEnum

class GetQcontactFailuresStateItem(StrEnum):
    GAVE_UP = "gave_up"
    RESOLVED = "resolved"
    RETRYING = "retrying"

    def __str__(self) -> str:
        return str(self.value)
