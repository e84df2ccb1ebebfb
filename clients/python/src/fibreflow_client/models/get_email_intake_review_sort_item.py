from enum import StrEnum

class GetEmailIntakeReviewSortItem(StrEnum):
    CHANNEL = "channel"
    OUTCOME = "outcome"
    RECEIVED_AT = "received_at"
    RULE = "rule"
    VALUE_1 = "-received_at"
    VALUE_3 = "-outcome"
    VALUE_5 = "-channel"
    VALUE_7 = "-rule"

    def __str__(self) -> str:
        return str(self.value)
