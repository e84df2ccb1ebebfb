from enum import StrEnum

class CostFeeSource(StrEnum):
    FIXED_FEE = "fixed_fee"
    HOURLY = "hourly"
    MANUAL = "manual"

    def __str__(self) -> str:
        return str(self.value)
