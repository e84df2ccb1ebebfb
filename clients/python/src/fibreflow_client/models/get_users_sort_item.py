from enum import StrEnum

class GetUsersSortItem(StrEnum):
    CREATED_AT = "created_at"
    DISPLAY_NAME = "display_name"
    UPDATED_AT = "updated_at"
    USERNAME = "username"
    VALUE_1 = "-username"
    VALUE_3 = "-display_name"
    VALUE_5 = "-created_at"
    VALUE_7 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
