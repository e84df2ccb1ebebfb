from enum import StrEnum

class GetSlaReportsComplianceExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
