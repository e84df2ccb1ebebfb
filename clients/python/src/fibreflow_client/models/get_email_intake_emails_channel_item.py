from enum import StrEnum

class GetEmailIntakeEmailsChannelItem(StrEnum):
    IMAP = "imap"
    MAILGUN = "mailgun"
    RAW = "raw"
    SENDGRID = "sendgrid"
    SMTP = "smtp"

    def __str__(self) -> str:
        return str(self.value)
