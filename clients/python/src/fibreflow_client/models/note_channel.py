from enum import StrEnum

class NoteChannel(StrEnum):
    EMAIL = "email"
    QCONTACT = "qcontact"
    SMS = "sms"
    SYSTEM = "system"
    WEB = "web"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
