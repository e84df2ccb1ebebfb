from enum import StrEnum

class GetTicketsExportSortItem(StrEnum):
    CREATED_AT = "created_at"
    DUE_AT = "due_at"
    PRIORITY = "priority"
    STATUS = "status"
    TICKET_UID = "ticket_uid"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-ticket_uid"
    VALUE_11 = "-due_at"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"
    VALUE_7 = "-status"
    VALUE_9 = "-priority"

    def __str__(self) -> str:
        return str(self.value)
