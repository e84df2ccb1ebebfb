from enum import StrEnum

class GetTicketingBillingReportsGuaranteeWorkExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
