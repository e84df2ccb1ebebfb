from enum import StrEnum

class GetTicketsExportTypeItem(StrEnum):
    ADHOC = "adhoc"
    BILLING = "billing"
    BUILD = "build"
    FAULT = "fault"
    INFRASTRUCTURE = "infrastructure"
    PREVENTATIVE = "preventative"

    def __str__(self) -> str:
        return str(self.value)
