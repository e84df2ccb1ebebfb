from enum import StrEnum

class RuleCreateStrategy(StrEnum):
    LEAST_LOADED = "least_loaded"
    ROUND_ROBIN = "round_robin"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
