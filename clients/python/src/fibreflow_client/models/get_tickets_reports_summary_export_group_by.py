from enum import StrEnum

class GetTicketsReportsSummaryExportGroupBy(StrEnum):
    ASSIGNED_TEAM = "assigned_team"
    ASSIGNED_TO = "assigned_to"
    PRIORITY = "priority"
    PROJECT = "project"
    SOURCE = "source"
    STATUS = "status"
    TYPE = "type"
    ZONE = "zone"

    def __str__(self) -> str:
        return str(self.value)
