""" Contains all the data models used in inputs/outputs """

from .activity import Activity
from .activity_assignment_kind import ActivityAssignmentKind
from .activity_channel import ActivityChannel
from .activity_kind import ActivityKind
from .activity_list import ActivityList
from .activity_list_data import ActivityListData
from .ageing_report import AgeingReport
from .ageing_report_envelope import AgeingReportEnvelope
from .ageing_row import AgeingRow
from .api_key import ApiKey
from .api_key_create import ApiKeyCreate
from .api_key_create_role import ApiKeyCreateRole
from .api_key_create_scopes_item import ApiKeyCreateScopesItem
from .api_key_envelope import ApiKeyEnvelope
from .api_key_page_envelope import ApiKeyPageEnvelope
from .api_key_page_envelope_data import ApiKeyPageEnvelopeData
from .api_key_rotate import ApiKeyRotate
from .approve import Approve
from .assign import Assign
from .attach import Attach
from .attachment import Attachment
from .attachment_envelope import AttachmentEnvelope
from .attachment_list import AttachmentList
from .attachment_list_data import AttachmentListData
from .attempt import Attempt
from .audit_page_envelope import AuditPageEnvelope
from .audit_page_envelope_data import AuditPageEnvelopeData
from .audit_record import AuditRecord
from .audit_record_after_type_0 import AuditRecordAfterType0
from .audit_record_before_type_0 import AuditRecordBeforeType0
from .breached_clock import BreachedClock
from .bulk import Bulk
from .bulk_action import BulkAction
from .bulk_result import BulkResult
from .bulk_result_envelope import BulkResultEnvelope
from .bulk_status import BulkStatus
from .calculation import Calculation
from .calculation_envelope import CalculationEnvelope
from .calculation_inputs import CalculationInputs
from .calendar import Calendar
from .calendar_envelope import CalendarEnvelope
from .calendar_update import CalendarUpdate
from .case import Case
from .channel_switches import ChannelSwitches
from .chat import Chat
from .chat_contact_type_0_type_0 import ChatContactType0Type0
from .chat_ref import ChatRef
from .chat_update import ChatUpdate
from .client import Client
from .client_create import ClientCreate
from .client_envelope import ClientEnvelope
from .client_list_envelope import ClientListEnvelope
from .client_list_envelope_data import ClientListEnvelopeData
from .client_update import ClientUpdate
from .clock import Clock
from .clock_history_envelope import ClockHistoryEnvelope
from .clock_history_envelope_data import ClockHistoryEnvelopeData
from .closed_day import ClosedDay
from .closed_day_envelope import ClosedDayEnvelope
from .closed_days_envelope import ClosedDaysEnvelope
from .closed_days_envelope_data import ClosedDaysEnvelopeData
from .compliance_by_priority import ComplianceByPriority
from .compliance_by_team import ComplianceByTeam
from .compliance_by_type import ComplianceByType
from .compliance_cell import ComplianceCell
from .compliance_envelope import ComplianceEnvelope
from .compliance_over_time_envelope import ComplianceOverTimeEnvelope
from .compliance_over_time_row import ComplianceOverTimeRow
from .compliance_period import CompliancePeriod
from .compliance_report import ComplianceReport
from .config_document import ConfigDocument
from .config_update import ConfigUpdate
from .contact import Contact
from .context import Context
from .context_contact import ContextContact
from .context_location import ContextLocation
from .context_related_tickets_item import ContextRelatedTicketsItem
from .context_ticket import ContextTicket
from .contract import Contract
from .contract_create import ContractCreate
from .contract_create_contract_type import ContractCreateContractType
from .contract_create_status import ContractCreateStatus
from .contract_envelope import ContractEnvelope
from .contract_list_envelope import ContractListEnvelope
from .contract_list_envelope_data import ContractListEnvelopeData
from .contract_tickets import ContractTickets
from .contract_update import ContractUpdate
from .contract_update_contract_type import ContractUpdateContractType
from .contract_update_status import ContractUpdateStatus
from .contract_version import ContractVersion
from .contract_version_terms import ContractVersionTerms
from .cost import Cost
from .cost_fee_source import CostFeeSource
from .created_subscription import CreatedSubscription
from .created_webhook_subscription_envelope import CreatedWebhookSubscriptionEnvelope
from .day_entry import DayEntry
from .delivery import Delivery
from .delivery_detail import DeliveryDetail
from .drop import Drop
from .drop_envelope import DropEnvelope
from .effective_target import EffectiveTarget
from .email import Email
from .email_channel import EmailChannel
from .email_detail import EmailDetail
from .email_detail_channel import EmailDetailChannel
from .email_detail_outcome_type_1 import EmailDetailOutcomeType1
from .email_detail_outcome_type_2_type_1 import EmailDetailOutcomeType2Type1
from .email_detail_outcome_type_3_type_1 import EmailDetailOutcomeType3Type1
from .email_envelope import EmailEnvelope
from .email_intake_approve import EmailIntakeApprove
from .email_intake_approve_priority import EmailIntakeApprovePriority
from .email_intake_approve_type import EmailIntakeApproveType
from .email_intake_reject import EmailIntakeReject
from .email_list_envelope import EmailListEnvelope
from .email_list_envelope_data import EmailListEnvelopeData
from .email_outcome_type_1 import EmailOutcomeType1
from .email_outcome_type_2_type_1 import EmailOutcomeType2Type1
from .email_outcome_type_3_type_1 import EmailOutcomeType3Type1
from .error_detail import ErrorDetail
from .error_envelope import ErrorEnvelope
from .escalate import Escalate
from .extracted import Extracted
from .extracted_thread_type_0 import ExtractedThreadType0
from .failure import Failure
from .fee import Fee
from .fee_create import FeeCreate
from .fee_create_priority import FeeCreatePriority
from .fee_create_ticket_type import FeeCreateTicketType
from .fee_envelope import FeeEnvelope
from .fee_list_envelope import FeeListEnvelope
from .fee_list_envelope_data import FeeListEnvelopeData
from .fee_preview import FeePreview
from .fee_preview_envelope import FeePreviewEnvelope
from .fee_preview_fee_type_0_type_0 import FeePreviewFeeType0Type0
from .fee_update import FeeUpdate
from .fibertime_result import FibertimeResult
from .fibertime_ticket import FibertimeTicket
from .fibertime_ticket_priority_type_1 import FibertimeTicketPriorityType1
from .fibertime_ticket_priority_type_2_type_1 import FibertimeTicketPriorityType2Type1
from .fibertime_ticket_priority_type_3_type_1 import FibertimeTicketPriorityType3Type1
from .fibertime_webhook import FibertimeWebhook
from .fibertime_webhook_event import FibertimeWebhookEvent
from .fibertime_webhook_result_envelope import FibertimeWebhookResultEnvelope
from .generic_envelope import GenericEnvelope
from .generic_envelope_data import GenericEnvelopeData
from .get_audit_action_item import GetAuditActionItem
from .get_audit_export_action_item import GetAuditExportActionItem
from .get_docs_response_200 import GetDocsResponse200
from .get_email_intake_emails_channel_item import GetEmailIntakeEmailsChannelItem
from .get_email_intake_emails_outcome_item import GetEmailIntakeEmailsOutcomeItem
from .get_email_intake_emails_sort_item import GetEmailIntakeEmailsSortItem
from .get_email_intake_emails_status_item import GetEmailIntakeEmailsStatusItem
from .get_email_intake_review_sort_item import GetEmailIntakeReviewSortItem
from .get_notifications_log_channel_item import GetNotificationsLogChannelItem
from .get_notifications_log_sort_item import GetNotificationsLogSortItem
from .get_notifications_log_status_item import GetNotificationsLogStatusItem
from .get_qcontact_cases_origin import GetQcontactCasesOrigin
from .get_qcontact_cases_qc_status_item import GetQcontactCasesQcStatusItem
from .get_qcontact_failures_operation_item import GetQcontactFailuresOperationItem
from .get_qcontact_failures_state_item import GetQcontactFailuresStateItem
from .get_qcontact_log_action_item import GetQcontactLogActionItem
from .get_qcontact_log_direction_item import GetQcontactLogDirectionItem
from .get_sla_reports_compliance_clock import GetSlaReportsComplianceClock
from .get_sla_reports_compliance_export_clock import GetSlaReportsComplianceExportClock
from .get_sla_reports_compliance_export_format import GetSlaReportsComplianceExportFormat
from .get_sla_reports_compliance_export_period import GetSlaReportsComplianceExportPeriod
from .get_sla_reports_compliance_export_priority_item import GetSlaReportsComplianceExportPriorityItem
from .get_sla_reports_compliance_export_ticket_type_item import GetSlaReportsComplianceExportTicketTypeItem
from .get_sla_reports_compliance_over_time_clock import GetSlaReportsComplianceOverTimeClock
from .get_sla_reports_compliance_over_time_export_clock import GetSlaReportsComplianceOverTimeExportClock
from .get_sla_reports_compliance_over_time_export_format import GetSlaReportsComplianceOverTimeExportFormat
from .get_sla_reports_compliance_over_time_export_period import GetSlaReportsComplianceOverTimeExportPeriod
from .get_sla_reports_compliance_over_time_export_priority_item import GetSlaReportsComplianceOverTimeExportPriorityItem
from .get_sla_reports_compliance_over_time_export_ticket_type_item import GetSlaReportsComplianceOverTimeExportTicketTypeItem
from .get_sla_reports_compliance_over_time_period import GetSlaReportsComplianceOverTimePeriod
from .get_sla_reports_compliance_over_time_priority_item import GetSlaReportsComplianceOverTimePriorityItem
from .get_sla_reports_compliance_over_time_ticket_type_item import GetSlaReportsComplianceOverTimeTicketTypeItem
from .get_sla_reports_compliance_period import GetSlaReportsCompliancePeriod
from .get_sla_reports_compliance_priority_item import GetSlaReportsCompliancePriorityItem
from .get_sla_reports_compliance_ticket_type_item import GetSlaReportsComplianceTicketTypeItem
from .get_ticketing_billing_calculate_priority import GetTicketingBillingCalculatePriority
from .get_ticketing_billing_calculate_source import GetTicketingBillingCalculateSource
from .get_ticketing_billing_calculate_ticket_type import GetTicketingBillingCalculateTicketType
from .get_ticketing_billing_reports_guarantee_work_billing_type_item import GetTicketingBillingReportsGuaranteeWorkBillingTypeItem
from .get_ticketing_billing_reports_guarantee_work_export_billing_type_item import GetTicketingBillingReportsGuaranteeWorkExportBillingTypeItem
from .get_ticketing_billing_reports_guarantee_work_export_format import GetTicketingBillingReportsGuaranteeWorkExportFormat
from .get_ticketing_billing_reports_guarantee_work_export_group_by import GetTicketingBillingReportsGuaranteeWorkExportGroupBy
from .get_ticketing_billing_reports_guarantee_work_format import GetTicketingBillingReportsGuaranteeWorkFormat
from .get_ticketing_billing_reports_guarantee_work_group_by import GetTicketingBillingReportsGuaranteeWorkGroupBy
from .get_ticketing_billing_reports_pending_ageing_export_format import GetTicketingBillingReportsPendingAgeingExportFormat
from .get_ticketing_billing_reports_pending_ageing_format import GetTicketingBillingReportsPendingAgeingFormat
from .get_ticketing_billing_reports_revenue_export_format import GetTicketingBillingReportsRevenueExportFormat
from .get_ticketing_billing_reports_revenue_format import GetTicketingBillingReportsRevenueFormat
from .get_ticketing_billing_reports_work_billing_type_item import GetTicketingBillingReportsWorkBillingTypeItem
from .get_ticketing_billing_reports_work_export_billing_type_item import GetTicketingBillingReportsWorkExportBillingTypeItem
from .get_ticketing_billing_reports_work_export_format import GetTicketingBillingReportsWorkExportFormat
from .get_ticketing_billing_reports_work_export_group_by import GetTicketingBillingReportsWorkExportGroupBy
from .get_ticketing_billing_reports_work_format import GetTicketingBillingReportsWorkFormat
from .get_ticketing_billing_reports_work_group_by import GetTicketingBillingReportsWorkGroupBy
from .get_ticketing_billing_tickets_billing_status_item import GetTicketingBillingTicketsBillingStatusItem
from .get_ticketing_billing_tickets_billing_type_item import GetTicketingBillingTicketsBillingTypeItem
from .get_ticketing_billing_tickets_sort_item import GetTicketingBillingTicketsSortItem
from .get_ticketing_contracts_contract_type_item import GetTicketingContractsContractTypeItem
from .get_ticketing_contracts_sort_item import GetTicketingContractsSortItem
from .get_ticketing_contracts_status_item import GetTicketingContractsStatusItem
from .get_ticketing_fee_schedule_preview_fee_source import GetTicketingFeeSchedulePreviewFeeSource
from .get_ticketing_fee_schedule_preview_priority import GetTicketingFeeSchedulePreviewPriority
from .get_ticketing_fee_schedule_preview_ticket_type import GetTicketingFeeSchedulePreviewTicketType
from .get_ticketing_fee_schedule_priority_item import GetTicketingFeeSchedulePriorityItem
from .get_ticketing_fee_schedule_ticket_type_item import GetTicketingFeeScheduleTicketTypeItem
from .get_tickets_billing_status_item import GetTicketsBillingStatusItem
from .get_tickets_billing_type_item import GetTicketsBillingTypeItem
from .get_tickets_deleted import GetTicketsDeleted
from .get_tickets_export_billing_status_item import GetTicketsExportBillingStatusItem
from .get_tickets_export_billing_type_item import GetTicketsExportBillingTypeItem
from .get_tickets_export_deleted import GetTicketsExportDeleted
from .get_tickets_export_format import GetTicketsExportFormat
from .get_tickets_export_issue_type_item import GetTicketsExportIssueTypeItem
from .get_tickets_export_priority_item import GetTicketsExportPriorityItem
from .get_tickets_export_sla_state_item import GetTicketsExportSlaStateItem
from .get_tickets_export_sort_item import GetTicketsExportSortItem
from .get_tickets_export_source_item import GetTicketsExportSourceItem
from .get_tickets_export_status_item import GetTicketsExportStatusItem
from .get_tickets_export_type_item import GetTicketsExportTypeItem
from .get_tickets_issue_type_item import GetTicketsIssueTypeItem
from .get_tickets_priority_item import GetTicketsPriorityItem
from .get_tickets_reports_summary_export_format import GetTicketsReportsSummaryExportFormat
from .get_tickets_reports_summary_export_group_by import GetTicketsReportsSummaryExportGroupBy
from .get_tickets_reports_summary_export_priority_item import GetTicketsReportsSummaryExportPriorityItem
from .get_tickets_reports_summary_export_source_item import GetTicketsReportsSummaryExportSourceItem
from .get_tickets_reports_summary_export_type_item import GetTicketsReportsSummaryExportTypeItem
from .get_tickets_reports_summary_group_by import GetTicketsReportsSummaryGroupBy
from .get_tickets_reports_summary_priority_item import GetTicketsReportsSummaryPriorityItem
from .get_tickets_reports_summary_source_item import GetTicketsReportsSummarySourceItem
from .get_tickets_reports_summary_type_item import GetTicketsReportsSummaryTypeItem
from .get_tickets_reports_technicians_export_format import GetTicketsReportsTechniciansExportFormat
from .get_tickets_reports_technicians_export_priority_item import GetTicketsReportsTechniciansExportPriorityItem
from .get_tickets_reports_technicians_export_source_item import GetTicketsReportsTechniciansExportSourceItem
from .get_tickets_reports_technicians_export_type_item import GetTicketsReportsTechniciansExportTypeItem
from .get_tickets_reports_technicians_priority_item import GetTicketsReportsTechniciansPriorityItem
from .get_tickets_reports_technicians_source_item import GetTicketsReportsTechniciansSourceItem
from .get_tickets_reports_technicians_type_item import GetTicketsReportsTechniciansTypeItem
from .get_tickets_reports_trend_export_format import GetTicketsReportsTrendExportFormat
from .get_tickets_reports_trend_export_period import GetTicketsReportsTrendExportPeriod
from .get_tickets_reports_trend_export_priority_item import GetTicketsReportsTrendExportPriorityItem
from .get_tickets_reports_trend_export_source_item import GetTicketsReportsTrendExportSourceItem
from .get_tickets_reports_trend_export_type_item import GetTicketsReportsTrendExportTypeItem
from .get_tickets_reports_trend_period import GetTicketsReportsTrendPeriod
from .get_tickets_reports_trend_priority_item import GetTicketsReportsTrendPriorityItem
from .get_tickets_reports_trend_source_item import GetTicketsReportsTrendSourceItem
from .get_tickets_reports_trend_type_item import GetTicketsReportsTrendTypeItem
from .get_tickets_reports_zones_export_format import GetTicketsReportsZonesExportFormat
from .get_tickets_reports_zones_export_period import GetTicketsReportsZonesExportPeriod
from .get_tickets_reports_zones_export_priority_item import GetTicketsReportsZonesExportPriorityItem
from .get_tickets_reports_zones_export_source_item import GetTicketsReportsZonesExportSourceItem
from .get_tickets_reports_zones_export_type_item import GetTicketsReportsZonesExportTypeItem
from .get_tickets_reports_zones_period import GetTicketsReportsZonesPeriod
from .get_tickets_reports_zones_priority_item import GetTicketsReportsZonesPriorityItem
from .get_tickets_reports_zones_source_item import GetTicketsReportsZonesSourceItem
from .get_tickets_reports_zones_type_item import GetTicketsReportsZonesTypeItem
from .get_tickets_sla_state_item import GetTicketsSlaStateItem
from .get_tickets_sort_item import GetTicketsSortItem
from .get_tickets_source_item import GetTicketsSourceItem
from .get_tickets_status_item import GetTicketsStatusItem
from .get_tickets_type_item import GetTicketsTypeItem
from .get_users_roles_item import GetUsersRolesItem
from .get_users_sort_item import GetUsersSortItem
from .get_wa_bridge_sessions_by_name_qr_format import GetWaBridgeSessionsByNameQrFormat
from .get_webhooks_by_subscription_id_deliveries_event_type_item import GetWebhooksBySubscriptionIdDeliveriesEventTypeItem
from .get_webhooks_by_subscription_id_deliveries_status_item import GetWebhooksBySubscriptionIdDeliveriesStatusItem
from .guarantee import Guarantee
from .guarantee_envelope import GuaranteeEnvelope
from .guarantee_list_envelope import GuaranteeListEnvelope
from .guarantee_list_envelope_data import GuaranteeListEnvelopeData
from .guarantee_upsert import GuaranteeUpsert
from .guarantee_upsert_applies_to_ticket_types_type_0_item import GuaranteeUpsertAppliesToTicketTypesType0Item
from .health import Health
from .history import History
from .history_item import HistoryItem
from .history_item_detail import HistoryItemDetail
from .history_list import HistoryList
from .history_list_data import HistoryListData
from .holidays_envelope import HolidaysEnvelope
from .holidays_envelope_data import HolidaysEnvelopeData
from .import_result import ImportResult
from .import_result_envelope import ImportResultEnvelope
from .inbound_envelope import InboundEnvelope
from .inbound_result import InboundResult
from .inbox_envelope import InboxEnvelope
from .inbox_envelope_data import InboxEnvelopeData
from .inbox_item import InboxItem
from .inbox_item_envelope import InboxItemEnvelope
from .installation import Installation
from .installation_list_envelope import InstallationListEnvelope
from .installation_list_envelope_data import InstallationListEnvelopeData
from .invoice_trigger import InvoiceTrigger
from .invoice_trigger_envelope import InvoiceTriggerEnvelope
from .invoice_webhook import InvoiceWebhook
from .issued_api_key import IssuedApiKey
from .issued_api_key_envelope import IssuedApiKeyEnvelope
from .log import Log
from .log_envelope import LogEnvelope
from .log_envelope_data import LogEnvelopeData
from .log_item import LogItem
from .log_item_channel import LogItemChannel
from .log_item_envelope import LogItemEnvelope
from .log_item_status import LogItemStatus
from .log_new_value_type_0 import LogNewValueType0
from .log_old_value_type_0 import LogOldValueType0
from .logged_out import LoggedOut
from .logged_out_envelope import LoggedOutEnvelope
from .login import Login
from .manual_invoice import ManualInvoice
from .media import Media
from .media_info import MediaInfo
from .member import Member
from .message import Message
from .message_chat_type_0_type_0 import MessageChatType0Type0
from .message_contact_type_0_type_0 import MessageContactType0Type0
from .message_media_type_0_type_0 import MessageMediaType0Type0
from .message_reply_to_type_0_type_0 import MessageReplyToType0Type0
from .message_status import MessageStatus
from .multiplier import Multiplier
from .multiplier_out import MultiplierOut
from .multiplier_priority import MultiplierPriority
from .note import Note
from .note_channel import NoteChannel
from .note_create import NoteCreate
from .note_envelope import NoteEnvelope
from .note_list import NoteList
from .note_list_data import NoteListData
from .notify import Notify
from .notify_client import NotifyClient
from .notify_client_envelope import NotifyClientEnvelope
from .notify_client_status import NotifyClientStatus
from .notify_result import NotifyResult
from .over_time_report import OverTimeReport
from .override import Override
from .override_out import OverrideOut
from .override_out_priority import OverrideOutPriority
from .override_out_ticket_type import OverrideOutTicketType
from .override_priority import OverridePriority
from .override_ticket_type import OverrideTicketType
from .pagination import Pagination
from .pagination_metadata import PaginationMetadata
from .paid_line_item import PaidLineItem
from .pairing_code import PairingCode
from .pairing_code_request import PairingCodeRequest
from .password_reset import PasswordReset
from .pause import Pause
from .post_email_intake_inbound_body import PostEmailIntakeInboundBody
from .post_email_intake_inbound_mailgun_body import PostEmailIntakeInboundMailgunBody
from .post_notifications_webhooks_sms_inbound_body import PostNotificationsWebhooksSmsInboundBody
from .post_notifications_webhooks_sms_status_body import PostNotificationsWebhooksSmsStatusBody
from .post_tickets_by_ticket_id_attachments_body import PostTicketsByTicketIdAttachmentsBody
from .post_tickets_reference_by_kind_import_json_body_item import PostTicketsReferenceByKindImportJsonBodyItem
from .post_wa_bridge_webhook_body import PostWaBridgeWebhookBody
from .preferences import Preferences
from .preferences_envelope import PreferencesEnvelope
from .preferences_update import PreferencesUpdate
from .preview import Preview
from .preview_envelope import PreviewEnvelope
from .q_contact_case_envelope import QContactCaseEnvelope
from .q_contact_case_list_envelope import QContactCaseListEnvelope
from .q_contact_case_list_envelope_data import QContactCaseListEnvelopeData
from .q_contact_failure_envelope import QContactFailureEnvelope
from .q_contact_failure_list_envelope import QContactFailureListEnvelope
from .q_contact_failure_list_envelope_data import QContactFailureListEnvelopeData
from .q_contact_health_envelope import QContactHealthEnvelope
from .q_contact_log_list_envelope import QContactLogListEnvelope
from .q_contact_log_list_envelope_data import QContactLogListEnvelopeData
from .q_contact_resync_envelope import QContactResyncEnvelope
from .q_contact_webhook import QContactWebhook
from .q_contact_webhook_changes import QContactWebhookChanges
from .q_contact_webhook_result_envelope import QContactWebhookResultEnvelope
from .qcontact_sync_webhook_result import QcontactSyncWebhookResult
from .qr import Qr
from .quoted import Quoted
from .refresh import Refresh
from .reject import Reject
from .resync import Resync
from .resync_result import ResyncResult
from .revenue_report import RevenueReport
from .revenue_report_envelope import RevenueReportEnvelope
from .revenue_row import RevenueRow
from .route import Route
from .route_answer import RouteAnswer
from .rule import Rule
from .rule_create import RuleCreate
from .rule_create_match_type_type_1 import RuleCreateMatchTypeType1
from .rule_create_match_type_type_2_type_1 import RuleCreateMatchTypeType2Type1
from .rule_create_match_type_type_3_type_1 import RuleCreateMatchTypeType3Type1
from .rule_create_strategy import RuleCreateStrategy
from .rule_envelope import RuleEnvelope
from .rule_list import RuleList
from .rule_list_data import RuleListData
from .rule_match_type_type_1 import RuleMatchTypeType1
from .rule_match_type_type_2_type_1 import RuleMatchTypeType2Type1
from .rule_match_type_type_3_type_1 import RuleMatchTypeType3Type1
from .rule_strategy import RuleStrategy
from .send_message import SendMessage
from .send_message_kind import SendMessageKind
from .session import Session
from .session_start import SessionStart
from .session_state import SessionState
from .session_status import SessionStatus
from .sla_config_envelope import SlaConfigEnvelope
from .status import Status
from .status_status import StatusStatus
from .subscription import Subscription
from .subscription_create import SubscriptionCreate
from .subscription_update import SubscriptionUpdate
from .summary_row import SummaryRow
from .team import Team
from .team_create import TeamCreate
from .team_create_specialty_types_item import TeamCreateSpecialtyTypesItem
from .team_envelope import TeamEnvelope
from .team_list import TeamList
from .team_list_data import TeamListData
from .team_update import TeamUpdate
from .team_update_specialty_types_item import TeamUpdateSpecialtyTypesItem
from .technician_report import TechnicianReport
from .technician_report_data import TechnicianReportData
from .technician_row import TechnicianRow
from .template import Template
from .template_envelope import TemplateEnvelope
from .template_list_envelope import TemplateListEnvelope
from .template_list_envelope_data import TemplateListEnvelopeData
from .template_preview import TemplatePreview
from .template_preview_context import TemplatePreviewContext
from .template_update import TemplateUpdate
from .ticket import Ticket
from .ticket_billing import TicketBilling
from .ticket_billing_billing_status import TicketBillingBillingStatus
from .ticket_billing_billing_type import TicketBillingBillingType
from .ticket_billing_classification_inputs import TicketBillingClassificationInputs
from .ticket_billing_envelope import TicketBillingEnvelope
from .ticket_billing_list_envelope import TicketBillingListEnvelope
from .ticket_billing_list_envelope_data import TicketBillingListEnvelopeData
from .ticket_billing_status_type_1 import TicketBillingStatusType1
from .ticket_billing_status_type_2_type_1 import TicketBillingStatusType2Type1
from .ticket_billing_status_type_3_type_1 import TicketBillingStatusType3Type1
from .ticket_billing_type_type_1 import TicketBillingTypeType1
from .ticket_billing_type_type_2_type_1 import TicketBillingTypeType2Type1
from .ticket_billing_type_type_3_type_1 import TicketBillingTypeType3Type1
from .ticket_clocks import TicketClocks
from .ticket_clocks_envelope import TicketClocksEnvelope
from .ticket_core_attachment import TicketCoreAttachment
from .ticket_create import TicketCreate
from .ticket_create_issue_type_type_1 import TicketCreateIssueTypeType1
from .ticket_create_issue_type_type_2_type_1 import TicketCreateIssueTypeType2Type1
from .ticket_create_issue_type_type_3_type_1 import TicketCreateIssueTypeType3Type1
from .ticket_create_priority import TicketCreatePriority
from .ticket_create_source import TicketCreateSource
from .ticket_create_status import TicketCreateStatus
from .ticket_create_type import TicketCreateType
from .ticket_envelope import TicketEnvelope
from .ticket_issue_type_type_1 import TicketIssueTypeType1
from .ticket_issue_type_type_2_type_1 import TicketIssueTypeType2Type1
from .ticket_issue_type_type_3_type_1 import TicketIssueTypeType3Type1
from .ticket_list import TicketList
from .ticket_list_data import TicketListData
from .ticket_pagination import TicketPagination
from .ticket_priority import TicketPriority
from .ticket_sla_state_type_1 import TicketSlaStateType1
from .ticket_sla_state_type_2_type_1 import TicketSlaStateType2Type1
from .ticket_sla_state_type_3_type_1 import TicketSlaStateType3Type1
from .ticket_source import TicketSource
from .ticket_status import TicketStatus
from .ticket_summary_report import TicketSummaryReport
from .ticket_summary_report_data import TicketSummaryReportData
from .ticket_type import TicketType
from .ticket_update import TicketUpdate
from .ticket_update_issue_type_type_1 import TicketUpdateIssueTypeType1
from .ticket_update_issue_type_type_2_type_1 import TicketUpdateIssueTypeType2Type1
from .ticket_update_issue_type_type_3_type_1 import TicketUpdateIssueTypeType3Type1
from .ticket_update_priority import TicketUpdatePriority
from .ticket_update_type import TicketUpdateType
from .token_pair import TokenPair
from .token_pair_envelope import TokenPairEnvelope
from .trend_report import TrendReport
from .trend_report_data import TrendReportData
from .trend_row import TrendRow
from .type_config import TypeConfig
from .type_config_out import TypeConfigOut
from .type_config_out_ticket_type import TypeConfigOutTicketType
from .type_config_ticket_type import TypeConfigTicketType
from .unread_count import UnreadCount
from .unread_count_envelope import UnreadCountEnvelope
from .updated_count import UpdatedCount
from .updated_count_envelope import UpdatedCountEnvelope
from .user import User
from .user_create import UserCreate
from .user_create_roles_item import UserCreateRolesItem
from .user_envelope import UserEnvelope
from .user_page_envelope import UserPageEnvelope
from .user_page_envelope_data import UserPageEnvelopeData
from .user_update import UserUpdate
from .user_update_roles_item import UserUpdateRolesItem
from .verdicts import Verdicts
from .wa_chat_envelope import WaChatEnvelope
from .wa_chat_list_envelope import WaChatListEnvelope
from .wa_chat_list_envelope_data import WaChatListEnvelopeData
from .wa_message_envelope import WaMessageEnvelope
from .wa_message_list_envelope import WaMessageListEnvelope
from .wa_message_list_envelope_data import WaMessageListEnvelopeData
from .wa_pairing_code_envelope import WaPairingCodeEnvelope
from .wa_qr_envelope import WaQrEnvelope
from .wa_route_envelope import WaRouteEnvelope
from .wa_session_envelope import WaSessionEnvelope
from .wa_session_list_envelope import WaSessionListEnvelope
from .wa_session_list_envelope_data import WaSessionListEnvelopeData
from .wa_ticket_context_envelope import WaTicketContextEnvelope
from .wa_webhook_envelope import WaWebhookEnvelope
from .webhook_answer import WebhookAnswer
from .webhook_delivery_detail_envelope import WebhookDeliveryDetailEnvelope
from .webhook_delivery_envelope import WebhookDeliveryEnvelope
from .webhook_delivery_page_envelope import WebhookDeliveryPageEnvelope
from .webhook_delivery_page_envelope_data import WebhookDeliveryPageEnvelopeData
from .webhook_result import WebhookResult
from .webhook_result_envelope import WebhookResultEnvelope
from .webhook_subscription_envelope import WebhookSubscriptionEnvelope
from .webhook_subscription_page_envelope import WebhookSubscriptionPageEnvelope
from .webhook_subscription_page_envelope_data import WebhookSubscriptionPageEnvelopeData
from .work_report import WorkReport
from .work_report_envelope import WorkReportEnvelope
from .work_report_row import WorkReportRow
from .working_hours import WorkingHours
from .working_hours_weekday import WorkingHoursWeekday
from .zone_report import ZoneReport
from .zone_report_data import ZoneReportData
from .zone_row import ZoneRow

__all__ = (
    "Activity",
    "ActivityAssignmentKind",
    "ActivityChannel",
    "ActivityKind",
    "ActivityList",
    "ActivityListData",
    "AgeingReport",
    "AgeingReportEnvelope",
    "AgeingRow",
    "ApiKey",
    "ApiKeyCreate",
    "ApiKeyCreateRole",
    "ApiKeyCreateScopesItem",
    "ApiKeyEnvelope",
    "ApiKeyPageEnvelope",
    "ApiKeyPageEnvelopeData",
    "ApiKeyRotate",
    "Approve",
    "Assign",
    "Attach",
    "Attachment",
    "AttachmentEnvelope",
    "AttachmentList",
    "AttachmentListData",
    "Attempt",
    "AuditPageEnvelope",
    "AuditPageEnvelopeData",
    "AuditRecord",
    "AuditRecordAfterType0",
    "AuditRecordBeforeType0",
    "BreachedClock",
    "Bulk",
    "BulkAction",
    "BulkResult",
    "BulkResultEnvelope",
    "BulkStatus",
    "Calculation",
    "CalculationEnvelope",
    "CalculationInputs",
    "Calendar",
    "CalendarEnvelope",
    "CalendarUpdate",
    "Case",
    "ChannelSwitches",
    "Chat",
    "ChatContactType0Type0",
    "ChatRef",
    "ChatUpdate",
    "Client",
    "ClientCreate",
    "ClientEnvelope",
    "ClientListEnvelope",
    "ClientListEnvelopeData",
    "ClientUpdate",
    "Clock",
    "ClockHistoryEnvelope",
    "ClockHistoryEnvelopeData",
    "ClosedDay",
    "ClosedDayEnvelope",
    "ClosedDaysEnvelope",
    "ClosedDaysEnvelopeData",
    "ComplianceByPriority",
    "ComplianceByTeam",
    "ComplianceByType",
    "ComplianceCell",
    "ComplianceEnvelope",
    "ComplianceOverTimeEnvelope",
    "ComplianceOverTimeRow",
    "CompliancePeriod",
    "ComplianceReport",
    "ConfigDocument",
    "ConfigUpdate",
    "Contact",
    "Context",
    "ContextContact",
    "ContextLocation",
    "ContextRelatedTicketsItem",
    "ContextTicket",
    "Contract",
    "ContractCreate",
    "ContractCreateContractType",
    "ContractCreateStatus",
    "ContractEnvelope",
    "ContractListEnvelope",
    "ContractListEnvelopeData",
    "ContractTickets",
    "ContractUpdate",
    "ContractUpdateContractType",
    "ContractUpdateStatus",
    "ContractVersion",
    "ContractVersionTerms",
    "Cost",
    "CostFeeSource",
    "CreatedSubscription",
    "CreatedWebhookSubscriptionEnvelope",
    "DayEntry",
    "Delivery",
    "DeliveryDetail",
    "Drop",
    "DropEnvelope",
    "EffectiveTarget",
    "Email",
    "EmailChannel",
    "EmailDetail",
    "EmailDetailChannel",
    "EmailDetailOutcomeType1",
    "EmailDetailOutcomeType2Type1",
    "EmailDetailOutcomeType3Type1",
    "EmailEnvelope",
    "EmailIntakeApprove",
    "EmailIntakeApprovePriority",
    "EmailIntakeApproveType",
    "EmailIntakeReject",
    "EmailListEnvelope",
    "EmailListEnvelopeData",
    "EmailOutcomeType1",
    "EmailOutcomeType2Type1",
    "EmailOutcomeType3Type1",
    "ErrorDetail",
    "ErrorEnvelope",
    "Escalate",
    "Extracted",
    "ExtractedThreadType0",
    "Failure",
    "Fee",
    "FeeCreate",
    "FeeCreatePriority",
    "FeeCreateTicketType",
    "FeeEnvelope",
    "FeeListEnvelope",
    "FeeListEnvelopeData",
    "FeePreview",
    "FeePreviewEnvelope",
    "FeePreviewFeeType0Type0",
    "FeeUpdate",
    "FibertimeResult",
    "FibertimeTicket",
    "FibertimeTicketPriorityType1",
    "FibertimeTicketPriorityType2Type1",
    "FibertimeTicketPriorityType3Type1",
    "FibertimeWebhook",
    "FibertimeWebhookEvent",
    "FibertimeWebhookResultEnvelope",
    "GenericEnvelope",
    "GenericEnvelopeData",
    "GetAuditActionItem",
    "GetAuditExportActionItem",
    "GetDocsResponse200",
    "GetEmailIntakeEmailsChannelItem",
    "GetEmailIntakeEmailsOutcomeItem",
    "GetEmailIntakeEmailsSortItem",
    "GetEmailIntakeEmailsStatusItem",
    "GetEmailIntakeReviewSortItem",
    "GetNotificationsLogChannelItem",
    "GetNotificationsLogSortItem",
    "GetNotificationsLogStatusItem",
    "GetQcontactCasesOrigin",
    "GetQcontactCasesQcStatusItem",
    "GetQcontactFailuresOperationItem",
    "GetQcontactFailuresStateItem",
    "GetQcontactLogActionItem",
    "GetQcontactLogDirectionItem",
    "GetSlaReportsComplianceClock",
    "GetSlaReportsComplianceExportClock",
    "GetSlaReportsComplianceExportFormat",
    "GetSlaReportsComplianceExportPeriod",
    "GetSlaReportsComplianceExportPriorityItem",
    "GetSlaReportsComplianceExportTicketTypeItem",
    "GetSlaReportsComplianceOverTimeClock",
    "GetSlaReportsComplianceOverTimeExportClock",
    "GetSlaReportsComplianceOverTimeExportFormat",
    "GetSlaReportsComplianceOverTimeExportPeriod",
    "GetSlaReportsComplianceOverTimeExportPriorityItem",
    "GetSlaReportsComplianceOverTimeExportTicketTypeItem",
    "GetSlaReportsComplianceOverTimePeriod",
    "GetSlaReportsComplianceOverTimePriorityItem",
    "GetSlaReportsComplianceOverTimeTicketTypeItem",
    "GetSlaReportsCompliancePeriod",
    "GetSlaReportsCompliancePriorityItem",
    "GetSlaReportsComplianceTicketTypeItem",
    "GetTicketingBillingCalculatePriority",
    "GetTicketingBillingCalculateSource",
    "GetTicketingBillingCalculateTicketType",
    "GetTicketingBillingReportsGuaranteeWorkBillingTypeItem",
    "GetTicketingBillingReportsGuaranteeWorkExportBillingTypeItem",
    "GetTicketingBillingReportsGuaranteeWorkExportFormat",
    "GetTicketingBillingReportsGuaranteeWorkExportGroupBy",
    "GetTicketingBillingReportsGuaranteeWorkFormat",
    "GetTicketingBillingReportsGuaranteeWorkGroupBy",
    "GetTicketingBillingReportsPendingAgeingExportFormat",
    "GetTicketingBillingReportsPendingAgeingFormat",
    "GetTicketingBillingReportsRevenueExportFormat",
    "GetTicketingBillingReportsRevenueFormat",
    "GetTicketingBillingReportsWorkBillingTypeItem",
    "GetTicketingBillingReportsWorkExportBillingTypeItem",
    "GetTicketingBillingReportsWorkExportFormat",
    "GetTicketingBillingReportsWorkExportGroupBy",
    "GetTicketingBillingReportsWorkFormat",
    "GetTicketingBillingReportsWorkGroupBy",
    "GetTicketingBillingTicketsBillingStatusItem",
    "GetTicketingBillingTicketsBillingTypeItem",
    "GetTicketingBillingTicketsSortItem",
    "GetTicketingContractsContractTypeItem",
    "GetTicketingContractsSortItem",
    "GetTicketingContractsStatusItem",
    "GetTicketingFeeSchedulePreviewFeeSource",
    "GetTicketingFeeSchedulePreviewPriority",
    "GetTicketingFeeSchedulePreviewTicketType",
    "GetTicketingFeeSchedulePriorityItem",
    "GetTicketingFeeScheduleTicketTypeItem",
    "GetTicketsBillingStatusItem",
    "GetTicketsBillingTypeItem",
    "GetTicketsDeleted",
    "GetTicketsExportBillingStatusItem",
    "GetTicketsExportBillingTypeItem",
    "GetTicketsExportDeleted",
    "GetTicketsExportFormat",
    "GetTicketsExportIssueTypeItem",
    "GetTicketsExportPriorityItem",
    "GetTicketsExportSlaStateItem",
    "GetTicketsExportSortItem",
    "GetTicketsExportSourceItem",
    "GetTicketsExportStatusItem",
    "GetTicketsExportTypeItem",
    "GetTicketsIssueTypeItem",
    "GetTicketsPriorityItem",
    "GetTicketsReportsSummaryExportFormat",
    "GetTicketsReportsSummaryExportGroupBy",
    "GetTicketsReportsSummaryExportPriorityItem",
    "GetTicketsReportsSummaryExportSourceItem",
    "GetTicketsReportsSummaryExportTypeItem",
    "GetTicketsReportsSummaryGroupBy",
    "GetTicketsReportsSummaryPriorityItem",
    "GetTicketsReportsSummarySourceItem",
    "GetTicketsReportsSummaryTypeItem",
    "GetTicketsReportsTechniciansExportFormat",
    "GetTicketsReportsTechniciansExportPriorityItem",
    "GetTicketsReportsTechniciansExportSourceItem",
    "GetTicketsReportsTechniciansExportTypeItem",
    "GetTicketsReportsTechniciansPriorityItem",
    "GetTicketsReportsTechniciansSourceItem",
    "GetTicketsReportsTechniciansTypeItem",
    "GetTicketsReportsTrendExportFormat",
    "GetTicketsReportsTrendExportPeriod",
    "GetTicketsReportsTrendExportPriorityItem",
    "GetTicketsReportsTrendExportSourceItem",
    "GetTicketsReportsTrendExportTypeItem",
    "GetTicketsReportsTrendPeriod",
    "GetTicketsReportsTrendPriorityItem",
    "GetTicketsReportsTrendSourceItem",
    "GetTicketsReportsTrendTypeItem",
    "GetTicketsReportsZonesExportFormat",
    "GetTicketsReportsZonesExportPeriod",
    "GetTicketsReportsZonesExportPriorityItem",
    "GetTicketsReportsZonesExportSourceItem",
    "GetTicketsReportsZonesExportTypeItem",
    "GetTicketsReportsZonesPeriod",
    "GetTicketsReportsZonesPriorityItem",
    "GetTicketsReportsZonesSourceItem",
    "GetTicketsReportsZonesTypeItem",
    "GetTicketsSlaStateItem",
    "GetTicketsSortItem",
    "GetTicketsSourceItem",
    "GetTicketsStatusItem",
    "GetTicketsTypeItem",
    "GetUsersRolesItem",
    "GetUsersSortItem",
    "GetWaBridgeSessionsByNameQrFormat",
    "GetWebhooksBySubscriptionIdDeliveriesEventTypeItem",
    "GetWebhooksBySubscriptionIdDeliveriesStatusItem",
    "Guarantee",
    "GuaranteeEnvelope",
    "GuaranteeListEnvelope",
    "GuaranteeListEnvelopeData",
    "GuaranteeUpsert",
    "GuaranteeUpsertAppliesToTicketTypesType0Item",
    "Health",
    "History",
    "HistoryItem",
    "HistoryItemDetail",
    "HistoryList",
    "HistoryListData",
    "HolidaysEnvelope",
    "HolidaysEnvelopeData",
    "ImportResult",
    "ImportResultEnvelope",
    "InboundEnvelope",
    "InboundResult",
    "InboxEnvelope",
    "InboxEnvelopeData",
    "InboxItem",
    "InboxItemEnvelope",
    "Installation",
    "InstallationListEnvelope",
    "InstallationListEnvelopeData",
    "InvoiceTrigger",
    "InvoiceTriggerEnvelope",
    "InvoiceWebhook",
    "IssuedApiKey",
    "IssuedApiKeyEnvelope",
    "Log",
    "LogEnvelope",
    "LogEnvelopeData",
    "LoggedOut",
    "LoggedOutEnvelope",
    "Login",
    "LogItem",
    "LogItemChannel",
    "LogItemEnvelope",
    "LogItemStatus",
    "LogNewValueType0",
    "LogOldValueType0",
    "ManualInvoice",
    "Media",
    "MediaInfo",
    "Member",
    "Message",
    "MessageChatType0Type0",
    "MessageContactType0Type0",
    "MessageMediaType0Type0",
    "MessageReplyToType0Type0",
    "MessageStatus",
    "Multiplier",
    "MultiplierOut",
    "MultiplierPriority",
    "Note",
    "NoteChannel",
    "NoteCreate",
    "NoteEnvelope",
    "NoteList",
    "NoteListData",
    "Notify",
    "NotifyClient",
    "NotifyClientEnvelope",
    "NotifyClientStatus",
    "NotifyResult",
    "Override",
    "OverrideOut",
    "OverrideOutPriority",
    "OverrideOutTicketType",
    "OverridePriority",
    "OverrideTicketType",
    "OverTimeReport",
    "Pagination",
    "PaginationMetadata",
    "PaidLineItem",
    "PairingCode",
    "PairingCodeRequest",
    "PasswordReset",
    "Pause",
    "PostEmailIntakeInboundBody",
    "PostEmailIntakeInboundMailgunBody",
    "PostNotificationsWebhooksSmsInboundBody",
    "PostNotificationsWebhooksSmsStatusBody",
    "PostTicketsByTicketIdAttachmentsBody",
    "PostTicketsReferenceByKindImportJsonBodyItem",
    "PostWaBridgeWebhookBody",
    "Preferences",
    "PreferencesEnvelope",
    "PreferencesUpdate",
    "Preview",
    "PreviewEnvelope",
    "QContactCaseEnvelope",
    "QContactCaseListEnvelope",
    "QContactCaseListEnvelopeData",
    "QContactFailureEnvelope",
    "QContactFailureListEnvelope",
    "QContactFailureListEnvelopeData",
    "QContactHealthEnvelope",
    "QContactLogListEnvelope",
    "QContactLogListEnvelopeData",
    "QContactResyncEnvelope",
    "QcontactSyncWebhookResult",
    "QContactWebhook",
    "QContactWebhookChanges",
    "QContactWebhookResultEnvelope",
    "Qr",
    "Quoted",
    "Refresh",
    "Reject",
    "Resync",
    "ResyncResult",
    "RevenueReport",
    "RevenueReportEnvelope",
    "RevenueRow",
    "Route",
    "RouteAnswer",
    "Rule",
    "RuleCreate",
    "RuleCreateMatchTypeType1",
    "RuleCreateMatchTypeType2Type1",
    "RuleCreateMatchTypeType3Type1",
    "RuleCreateStrategy",
    "RuleEnvelope",
    "RuleList",
    "RuleListData",
    "RuleMatchTypeType1",
    "RuleMatchTypeType2Type1",
    "RuleMatchTypeType3Type1",
    "RuleStrategy",
    "SendMessage",
    "SendMessageKind",
    "Session",
    "SessionStart",
    "SessionState",
    "SessionStatus",
    "SlaConfigEnvelope",
    "Status",
    "StatusStatus",
    "Subscription",
    "SubscriptionCreate",
    "SubscriptionUpdate",
    "SummaryRow",
    "Team",
    "TeamCreate",
    "TeamCreateSpecialtyTypesItem",
    "TeamEnvelope",
    "TeamList",
    "TeamListData",
    "TeamUpdate",
    "TeamUpdateSpecialtyTypesItem",
    "TechnicianReport",
    "TechnicianReportData",
    "TechnicianRow",
    "Template",
    "TemplateEnvelope",
    "TemplateListEnvelope",
    "TemplateListEnvelopeData",
    "TemplatePreview",
    "TemplatePreviewContext",
    "TemplateUpdate",
    "Ticket",
    "TicketBilling",
    "TicketBillingBillingStatus",
    "TicketBillingBillingType",
    "TicketBillingClassificationInputs",
    "TicketBillingEnvelope",
    "TicketBillingListEnvelope",
    "TicketBillingListEnvelopeData",
    "TicketBillingStatusType1",
    "TicketBillingStatusType2Type1",
    "TicketBillingStatusType3Type1",
    "TicketBillingTypeType1",
    "TicketBillingTypeType2Type1",
    "TicketBillingTypeType3Type1",
    "TicketClocks",
    "TicketClocksEnvelope",
    "TicketCoreAttachment",
    "TicketCreate",
    "TicketCreateIssueTypeType1",
    "TicketCreateIssueTypeType2Type1",
    "TicketCreateIssueTypeType3Type1",
    "TicketCreatePriority",
    "TicketCreateSource",
    "TicketCreateStatus",
    "TicketCreateType",
    "TicketEnvelope",
    "TicketIssueTypeType1",
    "TicketIssueTypeType2Type1",
    "TicketIssueTypeType3Type1",
    "TicketList",
    "TicketListData",
    "TicketPagination",
    "TicketPriority",
    "TicketSlaStateType1",
    "TicketSlaStateType2Type1",
    "TicketSlaStateType3Type1",
    "TicketSource",
    "TicketStatus",
    "TicketSummaryReport",
    "TicketSummaryReportData",
    "TicketType",
    "TicketUpdate",
    "TicketUpdateIssueTypeType1",
    "TicketUpdateIssueTypeType2Type1",
    "TicketUpdateIssueTypeType3Type1",
    "TicketUpdatePriority",
    "TicketUpdateType",
    "TokenPair",
    "TokenPairEnvelope",
    "TrendReport",
    "TrendReportData",
    "TrendRow",
    "TypeConfig",
    "TypeConfigOut",
    "TypeConfigOutTicketType",
    "TypeConfigTicketType",
    "UnreadCount",
    "UnreadCountEnvelope",
    "UpdatedCount",
    "UpdatedCountEnvelope",
    "User",
    "UserCreate",
    "UserCreateRolesItem",
    "UserEnvelope",
    "UserPageEnvelope",
    "UserPageEnvelopeData",
    "UserUpdate",
    "UserUpdateRolesItem",
    "Verdicts",
    "WaChatEnvelope",
    "WaChatListEnvelope",
    "WaChatListEnvelopeData",
    "WaMessageEnvelope",
    "WaMessageListEnvelope",
    "WaMessageListEnvelopeData",
    "WaPairingCodeEnvelope",
    "WaQrEnvelope",
    "WaRouteEnvelope",
    "WaSessionEnvelope",
    "WaSessionListEnvelope",
    "WaSessionListEnvelopeData",
    "WaTicketContextEnvelope",
    "WaWebhookEnvelope",
    "WebhookAnswer",
    "WebhookDeliveryDetailEnvelope",
    "WebhookDeliveryEnvelope",
    "WebhookDeliveryPageEnvelope",
    "WebhookDeliveryPageEnvelopeData",
    "WebhookResult",
    "WebhookResultEnvelope",
    "WebhookSubscriptionEnvelope",
    "WebhookSubscriptionPageEnvelope",
    "WebhookSubscriptionPageEnvelopeData",
    "WorkingHours",
    "WorkingHoursWeekday",
    "WorkReport",
    "WorkReportEnvelope",
    "WorkReportRow",
    "ZoneReport",
    "ZoneReportData",
    "ZoneRow",
)
