from enum import StrEnum

class GetTicketsReportsZonesExportPeriod(StrEnum):
    DAY = "day"
    MONTH = "month"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
