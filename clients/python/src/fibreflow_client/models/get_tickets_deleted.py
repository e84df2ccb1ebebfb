from enum import StrEnum

class GetTicketsDeleted(StrEnum):
    FALSE = "false"
    INCLUDE = "include"
    TRUE = "true"

    def __str__(self) -> str:
        return str(self.value)
