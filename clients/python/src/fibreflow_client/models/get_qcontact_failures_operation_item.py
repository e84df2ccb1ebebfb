from enum import StrEnum

class GetQcontactFailuresOperationItem(StrEnum):
    CASE = "case"
    EXPORT = "export"
    FIBERTIME_POST = "fibertime_post"
    POLL = "poll"

    def __str__(self) -> str:
        return str(self.value)
