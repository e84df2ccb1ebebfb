from enum import StrEnum

class GetTicketingBillingReportsRevenueFormat(StrEnum):
    CSV = "csv"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
