from enum import StrEnum

class ApiKeyCreateRole(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    TEAM_LEAD = "team_lead"
    TECHNICIAN = "technician"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
