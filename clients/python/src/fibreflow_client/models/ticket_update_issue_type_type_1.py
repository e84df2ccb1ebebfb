from enum import StrEnum

class TicketUpdateIssueTypeType1(StrEnum):
    INCORRECT_BILL = "incorrect_bill"
    OTHER = "other"
    PAYMENT_NOT_REFLECTED = "payment_not_reflected"
    SERVICE_SUSPENSION = "service_suspension"

    def __str__(self) -> str:
        return str(self.value)
