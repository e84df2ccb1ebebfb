from enum import StrEnum

class GetTicketingBillingReportsGuaranteeWorkExportGroupBy(StrEnum):
    CONTRACTOR = "contractor"
    PROJECT = "project"

    def __str__(self) -> str:
        return str(self.value)
