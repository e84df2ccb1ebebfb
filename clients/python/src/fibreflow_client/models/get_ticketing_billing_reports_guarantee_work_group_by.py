from enum import StrEnum

class GetTicketingBillingReportsGuaranteeWorkGroupBy(StrEnum):
    CONTRACTOR = "contractor"
    PROJECT = "project"

    def __str__(self) -> str:
        return str(self.value)
