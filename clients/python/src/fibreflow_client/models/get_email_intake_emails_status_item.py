from enum import StrEnum

class GetEmailIntakeEmailsStatusItem(StrEnum):
    PROCESSED = "processed"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
