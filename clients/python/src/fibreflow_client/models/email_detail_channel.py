from enum import StrEnum

class EmailDetailChannel(StrEnum):
    IMAP = "imap"
    MAILGUN = "mailgun"
    RAW = "raw"
    SENDGRID = "sendgrid"
    SMTP = "smtp"

    def __str__(self) -> str:
        return str(self.value)
