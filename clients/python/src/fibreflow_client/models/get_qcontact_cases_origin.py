from enum import StrEnum

class GetQcontactCasesOrigin(StrEnum):
    FIBERTIME = "fibertime"
    QCONTACT = "qcontact"

    def __str__(self) -> str:
        return str(self.value)
