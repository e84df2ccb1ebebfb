from enum import StrEnum

class GetNotificationsLogSortItem(StrEnum):
    CHANNEL = "channel"
    CREATED_AT = "created_at"
    STATUS = "status"
    TICKET_UID = "ticket_uid"
    VALUE_1 = "-created_at"
    VALUE_3 = "-status"
    VALUE_5 = "-channel"
    VALUE_7 = "-ticket_uid"

    def __str__(self) -> str:
        return str(self.value)
