from enum import StrEnum

class GetAuditActionItem(StrEnum):
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    API_KEY_ROTATED = "api_key.rotated"
    BILLING_APPROVED = "billing.approved"
    BILLING_REJECTED = "billing.rejected"
    CONTRACT_CHANGED = "contract.changed"
    FEE_SCHEDULE_CHANGED = "fee_schedule.changed"
    SLA_CONFIG_CHANGED = "sla_config.changed"
    USER_CREATED = "user.created"
    USER_DISABLED = "user.disabled"
    USER_ROLES_CHANGED = "user.roles_changed"

    def __str__(self) -> str:
        return str(self.value)
