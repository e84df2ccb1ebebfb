from enum import StrEnum

class GetTicketingBillingReportsWorkExportGroupBy(StrEnum):
    CONTRACTOR = "contractor"
    PROJECT = "project"

    def __str__(self) -> str:
        return str(self.value)
