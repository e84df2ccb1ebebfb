from enum import StrEnum

class EmailOutcomeType3Type1(StrEnum):
    COMMENT = "comment"
    IGNORED = "ignored"
    RATE_LIMITED = "rate_limited"
    REJECTED = "rejected"
    REVIEW = "review"
    TICKET = "ticket"

    def __str__(self) -> str:
        return str(self.value)
