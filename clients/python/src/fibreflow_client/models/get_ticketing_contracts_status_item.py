from enum import StrEnum

class GetTicketingContractsStatusItem(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
