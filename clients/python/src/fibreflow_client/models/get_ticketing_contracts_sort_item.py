from enum import StrEnum

class GetTicketingContractsSortItem(StrEnum):
    CONTRACT_NUMBER = "contract_number"
    CREATED_AT = "created_at"
    END_DATE = "end_date"
    START_DATE = "start_date"
    STATUS = "status"
    VALUE_1 = "-created_at"
    VALUE_3 = "-contract_number"
    VALUE_5 = "-start_date"
    VALUE_7 = "-end_date"
    VALUE_9 = "-status"

    def __str__(self) -> str:
        return str(self.value)
