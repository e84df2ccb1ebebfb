"""Message templates (Jinja2, sandboxed: admins edit them through the API).

A template key is ``<rule>.<channel>``. The defaults below are used until an admin stores
an override; ``subject`` is used by email and in-app, SMS uses ``body`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from notifications.domain import sms as sms_rules
from notifications.domain.errors import TemplateRenderError

__all__ = ["DEFAULTS", "SAMPLE_CONTEXT", "Rendered", "Template", "TemplateRenderError", "compile_check", "render",
           "render_text"]

@dataclass(frozen=True)
class Template:
    key: str
    subject: str
    body: str

    @property
    def channel(self) -> str:
        return self.key.rsplit(".", 1)[1]


def _t(key: str, body: str, subject: str = "") -> tuple[str, Template]:
    return key, Template(key, subject, body)


DEFAULTS: dict[str, Template] = dict([
    # Billing-complaint client SMS (isp-billing-ticket-spec FR-CN-001..004).
    _t("billing_created.sms",
       "{{ brand }}: billing complaint logged. Ref {{ ticket_uid }}. Issue: {{ issue }}"
       "{{ '' if issue.endswith('.') else '.' }} Reply STATUS {{ ticket_uid }} for updates"),
    _t("billing_resolved.sms",
       "{{ brand }}: your billing complaint Ref {{ ticket_uid }} has been resolved - the issue is now fixed. "
       "Thank you for your patience."),
    _t("status_reply.sms", "{{ brand }}: Ref {{ ticket_uid }} status: {{ status_label }} "
                           "(updated {{ updated_at }})."),
    _t("status_unknown.sms", "{{ brand }}: we could not find a ticket {{ ticket_uid }} for this phone number."),
    _t("status_help.sms", "{{ brand }}: to check a ticket reply STATUS followed by its reference, "
                          "e.g. STATUS BILL-20261122-0001"),
    # Staff notifications.
    _t("ticket_assigned.in_app", "{{ ticket_uid }} ({{ title }}) was assigned to {{ assignee_label }} "
                                 "by {{ actor }}.", "Assigned: {{ ticket_uid }}"),
    _t("ticket_assigned.email", "Hello {{ recipient_name }},\n\n{{ ticket_uid }} - {{ title }} was assigned to "
                                "{{ assignee_label }} by {{ actor }}.\nPriority: {{ priority }}\n{% if reason %}"
                                "Reason: {{ reason }}\n{% endif %}", "[{{ ticket_uid }}] assigned to you"),
    _t("status_changed.in_app", "{{ ticket_uid }} ({{ title }}) moved from {{ from_status }} to {{ to_status }}"
                                "{% if reason %}: {{ reason }}{% endif %}.", "{{ ticket_uid }}: {{ to_status }}"),
    _t("fibertime_status.email", "Ticket {{ ticket_uid }}{% if source_reference %} (your reference "
                                 "{{ source_reference }}){% endif %} changed status from {{ from_status }} to "
                                 "{{ to_status }} at {{ changed_at }}.\n{% if reason %}Note: {{ reason }}\n{% endif %}"
                                 "\nTitle: {{ title }}\n", "[{{ ticket_uid }}] status: {{ to_status }}"),
    _t("sla_warning.in_app", "SLA for {{ ticket_uid }} is at {{ percent }}% (due {{ due_at }}).",
       "SLA 75%: {{ ticket_uid }}"),
    _t("sla_warning.email", "{{ ticket_uid }} ({{ priority }} {{ ticket_type }}) has used {{ percent }}% of its "
                            "{{ clock }} SLA. Due: {{ due_at }}.", "[{{ ticket_uid }}] SLA at {{ percent }}%"),
    _t("sla_critical.in_app", "SLA for {{ ticket_uid }} is at {{ percent }}% - due {{ due_at }}.",
       "SLA 90%: {{ ticket_uid }}"),
    _t("sla_critical.email", "{{ ticket_uid }} ({{ priority }} {{ ticket_type }}) has used {{ percent }}% of its "
                             "{{ clock }} SLA and is close to breaching. Due: {{ due_at }}.",
       "[{{ ticket_uid }}] SLA critical ({{ percent }}%)"),
    _t("sla_breached.in_app", "SLA BREACHED for {{ ticket_uid }} (was due {{ due_at }}).",
       "SLA breached: {{ ticket_uid }}"),
    _t("sla_breached.email", "The {{ clock }} SLA of {{ ticket_uid }} ({{ priority }} {{ ticket_type }}) was "
                             "breached. It was due {{ due_at }}.", "[{{ ticket_uid }}] SLA BREACHED"),
    _t("sla_breached.sms", "{{ brand }}: SLA breached on {{ ticket_uid }} ({{ priority }}), due {{ due_at }}."),
    _t("mention.in_app", "{{ actor }} mentioned you on {{ ticket_uid }}: {{ excerpt }}",
       "Mentioned on {{ ticket_uid }}"),
    _t("mention.email", "{{ actor }} mentioned you in a note on {{ ticket_uid }} - {{ title }}:\n\n{{ excerpt }}\n",
       "[{{ ticket_uid }}] you were mentioned"),
    _t("approval_requested.in_app", "{{ ticket_uid }} needs approval{% if estimated_cost %} "
                                    "(estimated R {{ estimated_cost }}){% endif %}.",
       "Approval needed: {{ ticket_uid }}"),
    _t("approval_requested.email", "{{ ticket_uid }} - {{ title }} is billable and waits for approval."
                                   "{% if estimated_cost %}\nEstimated cost: R {{ estimated_cost }}{% endif %}\n",
       "[{{ ticket_uid }}] approval requested"),
    _t("approval_decision.in_app", "{{ ticket_uid }} was {{ decision }}{% if reason %}: {{ reason }}{% endif %}.",
       "{{ ticket_uid }} {{ decision }}"),
    _t("approval_decision.email", "Your billable ticket {{ ticket_uid }} - {{ title }} was {{ decision }} by "
                                  "{{ actor }}.{% if reason %}\nReason: {{ reason }}{% endif %}\n",
       "[{{ ticket_uid }}] {{ decision }}"),
    _t("invoice_failed.in_app", "Invoicing {{ ticket_uid }} failed after {{ attempts }} attempts: {{ error }}",
       "Invoicing failed: {{ ticket_uid }}"),
    _t("invoice_failed.email", "Invoicing {{ ticket_uid }} failed after {{ attempts }} attempts.\nError: {{ error }}\n"
                               "Please create the invoice manually.", "[{{ ticket_uid }}] invoicing failed"),
    # Outbound webhooks (service_layer/webhook_deliverer.py): a subscription switched off.
    _t("webhook_disabled.in_app", "Webhook to {{ url }} was switched off: {{ reason }}", "Webhook disabled"),
    _t("webhook_disabled.email", "The webhook subscription {{ subscription_id }} ({{ url }}) was switched off at "
                                 "{{ disabled_at }} after failing repeatedly.\nReason: {{ reason }}\n\n"
                                 "Fix the endpoint, then set it active again (PATCH /api/webhooks/"
                                 "{{ subscription_id }}); deliveries still queued resume.",
       "[FibreFlow] webhook disabled: {{ url }}"),
    # WhatsApp bridge (service_layer/wa_alerts.py): a session needs a person; a message finally failed.
    _t("wa_session_alert.in_app", "WhatsApp session {{ session }} is {{ status }}{% if last_error %}: "
                                  "{{ last_error }}{% endif %}. Re-scan the QR code in the console.",
       "WhatsApp session {{ session }}: {{ status }}"),
    _t("wa_session_alert.email", "The WhatsApp session {{ session }}{% if phone %} ({{ phone }}){% endif %} went "
                                 "from {{ previous_status or 'unknown' }} to {{ status }} at {{ at }}.\n"
                                 "{% if last_error %}Last error: {{ last_error }}\n{% endif %}\n"
                                 "WhatsApp messages are not sent or received until it is WORKING again.\n"
                                 "What to do: open the console's WhatsApp page and re-scan the QR code with the "
                                 "business phone (or GET /api/wa-bridge/sessions/{{ session }}/qr, or POST "
                                 "/api/wa-bridge/sessions/{{ session }}/pairing-code).",
       "[FibreFlow] WhatsApp session {{ session }} needs attention: {{ status }}"),
    _t("wa_session_recovered.in_app", "WhatsApp session {{ session }} is WORKING again (was {{ alerted_status }}).",
       "WhatsApp session {{ session }} recovered"),
    _t("wa_message_failed.in_app", "Your WhatsApp message{% if ticket_uid %} on {{ ticket_uid }}{% endif %}"
                                   "{% if chat_jid %} to {{ chat_jid }}{% endif %} failed after {{ attempts }} "
                                   "attempts: {{ error }}", "WhatsApp message failed{% if ticket_uid %}: "
                                                            "{{ ticket_uid }}{% endif %}"),
])

_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True)


def compile_check(text: str) -> None:
    """Raise TemplateRenderError if ``text`` is not valid Jinja2."""
    try:
        _ENV.from_string(text)
    except TemplateError as exc:
        raise TemplateRenderError(str(exc)) from exc


def render_text(text: str, context: dict[str, Any]) -> str:
    try:
        return _ENV.from_string(text).render(**context)
    except TemplateError as exc:
        raise TemplateRenderError(f"{type(exc).__name__}: {exc}") from exc
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise TemplateRenderError(f"{type(exc).__name__}: {exc}") from exc


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    encoding: str | None = None
    segments: int | None = None


def render(template: Template, context: dict[str, Any], *, sms_max_segments: int = 1, sms_issue_max: int = 50,
           sms_fold: bool = True) -> Rendered:
    """Render a template; SMS bodies are folded to GSM-7 and fitted within ``sms_max_segments``
    by shortening the ``issue`` text (and hard-cut as a last resort)."""
    subject = render_text(template.subject, context).strip() if template.subject else ""
    if template.channel != "sms":
        return Rendered(subject, render_text(template.body, context).strip())

    def build(issue: str) -> str:
        text = render_text(template.body, {**context, "issue": issue}).strip()
        return sms_rules.fold_to_gsm7(text) if sms_fold else text

    issue = sms_rules.truncate(str(context.get("issue") or ""), sms_issue_max)
    body = sms_rules.fit(build, issue, sms_max_segments)
    encoding, _, count = sms_rules.measure(body)
    if count > sms_max_segments:  # the fixed text alone is too long: cut it rather than overspend
        limit = (160 if encoding == "GSM-7" else 70) if sms_max_segments == 1 else \
            (153 if encoding == "GSM-7" else 67) * sms_max_segments
        while sms_rules.segments(body) > sms_max_segments:
            body = sms_rules.truncate(body, limit)
            limit -= 1
        encoding, _, count = sms_rules.measure(body)
    return Rendered(subject, body, encoding, count)


SAMPLE_CONTEXT: dict[str, Any] = {
    "brand": "FibreFlow", "ticket_uid": "BILL-20261122-0001", "title": "Charged twice for November",
    "issue": "I was charged twice for my November invoice and the payment is not reflected",
    "status_label": "In Progress", "updated_at": "22 Nov 2026 10:15", "assignee_label": "you", "actor": "Sarah",
    "recipient_name": "Thabo", "priority": "high", "ticket_type": "fault", "reason": "", "from_status": "assigned",
    "to_status": "in_progress", "changed_at": "2026-11-22 10:15", "source_reference": "12345", "percent": 75,
    "due_at": "2026-11-22 14:00", "clock": "resolution", "excerpt": "@thabo please check the ONT",
    "estimated_cost": "1250.00", "decision": "approved", "attempts": 3, "error": "503 from invoicing",
    "url": "https://erp.example.com/hooks/fibreflow", "subscription_id": "6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d",
    "disabled_at": "2026-11-23T10:15:00+00:00", "description": "ERP sync",
    "session": "default", "status": "SCAN_QR_CODE", "previous_status": "WORKING", "alerted_status": "FAILED",
    "last_error": "logged out from the phone", "phone": "+27821234567", "at": "2026-11-23T10:15:00+00:00",
    "chat_jid": "27821234567@c.us",
}

RenderFn = Callable[[Template, dict[str, Any]], Rendered]
