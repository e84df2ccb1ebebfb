from enum import StrEnum

class RuleMatchTypeType2Type1(StrEnum):
    ADHOC = "adhoc"
    BILLING = "billing"
    BUILD = "build"
    FAULT = "fault"
    INFRASTRUCTURE = "infrastructure"
    PREVENTATIVE = "preventative"

    def __str__(self) -> str:
        return str(self.value)
