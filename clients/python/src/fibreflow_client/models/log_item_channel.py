from enum import StrEnum

class LogItemChannel(StrEnum):
    EMAIL = "email"
    IN_APP = "in_app"
    SMS = "sms"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
