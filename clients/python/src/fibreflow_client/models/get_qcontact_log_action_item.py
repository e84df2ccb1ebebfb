from enum import StrEnum

class GetQcontactLogActionItem(StrEnum):
    CASE = "case"
    CONFLICT = "conflict"
    EXPORT = "export"
    FIBERTIME_POST = "fibertime_post"
    IGNORED = "ignored"
    IMPORT = "import"
    MANUAL_RETRY = "manual_retry"
    NOTE = "note"
    NOTIFY_CLIENT = "notify_client"
    POLL = "poll"
    RESYNC_REQUESTED = "resync_requested"
    STATUS_SYNC = "status_sync"
    UPDATE = "update"
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)
