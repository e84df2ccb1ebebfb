from enum import StrEnum

class TicketSlaStateType2Type1(StrEnum):
    BREACHED = "breached"
    CRITICAL = "critical"
    MET = "met"
    ON_TRACK = "on_track"
    PAUSED = "paused"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
