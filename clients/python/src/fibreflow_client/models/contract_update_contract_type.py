from enum import StrEnum

class ContractUpdateContractType(StrEnum):
    MIXED = "mixed"
    PER_INCIDENT = "per_incident"
    RETAINER = "retainer"

    def __str__(self) -> str:
        return str(self.value)
