from enum import StrEnum

class ApiKeyCreateScopesItem(StrEnum):
    BILLINGREAD = "billing:read"
    BILLINGWRITE = "billing:write"
    CONSOLEREAD = "console:read"
    CONSOLEWRITE = "console:write"
    EMAILREAD = "email:read"
    EMAILWRITE = "email:write"
    NOTIFICATIONSREAD = "notifications:read"
    NOTIFICATIONSWRITE = "notifications:write"
    QCONTACTREAD = "qcontact:read"
    QCONTACTWRITE = "qcontact:write"
    SLAREAD = "sla:read"
    SLAWRITE = "sla:write"
    TICKETSREAD = "tickets:read"
    TICKETSWRITE = "tickets:write"
    WEBHOOKSREAD = "webhooks:read"
    WEBHOOKSWRITE = "webhooks:write"
    WHATSAPPREAD = "whatsapp:read"
    WHATSAPPWRITE = "whatsapp:write"

    def __str__(self) -> str:
        return str(self.value)
