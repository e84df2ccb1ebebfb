from enum import StrEnum

class SessionStatus(StrEnum):
    FAILED = "FAILED"
    SCAN_QR_CODE = "SCAN_QR_CODE"
    STARTING = "STARTING"
    STOPPED = "STOPPED"
    WORKING = "WORKING"

    def __str__(self) -> str:
        return str(self.value)
