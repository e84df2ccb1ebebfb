from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_billing_billing_status import TicketBillingBillingStatus
from ..models.ticket_billing_billing_type import TicketBillingBillingType
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.ticket_billing_classification_inputs import TicketBillingClassificationInputs





T = TypeVar("T", bound="TicketBilling")



@_attrs_define
class TicketBilling:
    """ 
        Attributes:
            actual_cost (None | str | Unset):  Example: 500.00.
            approval_requested_at (datetime.datetime | None | Unset):
            approved_at (datetime.datetime | None | Unset):
            approved_by (None | Unset | UUID):
            assigned_team (None | Unset | UUID):
            assigned_to (None | Unset | UUID):
            billing_notes (None | str | Unset):
            billing_status (TicketBillingBillingStatus | Unset):  Example: approved.
            billing_type (TicketBillingBillingType | Unset):  Example: billable.
            calculated_cost (None | str | Unset): after a cost change Example: 525.00.
            classification_inputs (TicketBillingClassificationInputs | Unset):
            classification_reason (str | Unset):  Example: Billable: no project; no client.
            classified_at (datetime.datetime | Unset):
            client_account_id (None | str | Unset):  Example: ACC-1001.
            client_id (None | Unset | UUID):
            contract_id (None | Unset | UUID):
            created_at (datetime.datetime | Unset):
            currency (str | Unset):  Example: ZAR.
            estimated_cost (None | str | Unset):  Example: 500.00.
            fee_schedule_id (None | Unset | UUID):
            fee_source (None | str | Unset):  Example: fixed_fee.
            guarantee_expires_at (datetime.date | None | Unset):
            hours_worked (None | str | Unset):  Example: 3.50.
            install_date (datetime.date | None | Unset):
            install_dr_number (None | str | Unset):  Example: DR1234.
            invoice_amount (None | str | Unset):  Example: 500.00.
            invoice_id (None | str | Unset):  Example: INV-2026-001.
            invoiced_at (datetime.datetime | None | Unset):
            line_item_id (None | str | Unset):  Example: LI-1.
            manual_fee_amount (None | str | Unset):  Example: 800.00.
            manual_fee_reason (None | str | Unset):  Example: Agreed with the client.
            paid_amount (None | str | Unset):  Example: 500.00.
            paid_at (datetime.datetime | None | Unset):
            priority (str | Unset):  Example: high.
            project_id (None | str | Unset):  Example: lawley.
            project_name (None | str | Unset):  Example: Lawley Expansion.
            rejected_at (datetime.datetime | None | Unset):
            rejected_by (None | Unset | UUID):
            rejection_reason (None | str | Unset):
            requires_approval (bool | Unset):
            resolved_at (datetime.datetime | None | Unset):
            sla_resolution_hours (int | None | Unset):
            sla_response_hours (int | None | Unset):
            source (str | Unset):  Example: qcontact.
            ticket_created_at (datetime.datetime | Unset):
            ticket_deleted_at (datetime.datetime | None | Unset):
            ticket_id (UUID | Unset):
            ticket_status (None | str | Unset):  Example: resolved.
            ticket_type (str | Unset):  Example: fault.
            ticket_uid (str | Unset):  Example: FT12345.
            title (None | str | Unset):  Example: Cable from pole damaged.
            updated_at (datetime.datetime | Unset):
            waiting_hours (float | Unset): approval queue only
     """

    actual_cost: None | str | Unset = UNSET
    approval_requested_at: datetime.datetime | None | Unset = UNSET
    approved_at: datetime.datetime | None | Unset = UNSET
    approved_by: None | Unset | UUID = UNSET
    assigned_team: None | Unset | UUID = UNSET
    assigned_to: None | Unset | UUID = UNSET
    billing_notes: None | str | Unset = UNSET
    billing_status: TicketBillingBillingStatus | Unset = UNSET
    billing_type: TicketBillingBillingType | Unset = UNSET
    calculated_cost: None | str | Unset = UNSET
    classification_inputs: TicketBillingClassificationInputs | Unset = UNSET
    classification_reason: str | Unset = UNSET
    classified_at: datetime.datetime | Unset = UNSET
    client_account_id: None | str | Unset = UNSET
    client_id: None | Unset | UUID = UNSET
    contract_id: None | Unset | UUID = UNSET
    created_at: datetime.datetime | Unset = UNSET
    currency: str | Unset = UNSET
    estimated_cost: None | str | Unset = UNSET
    fee_schedule_id: None | Unset | UUID = UNSET
    fee_source: None | str | Unset = UNSET
    guarantee_expires_at: datetime.date | None | Unset = UNSET
    hours_worked: None | str | Unset = UNSET
    install_date: datetime.date | None | Unset = UNSET
    install_dr_number: None | str | Unset = UNSET
    invoice_amount: None | str | Unset = UNSET
    invoice_id: None | str | Unset = UNSET
    invoiced_at: datetime.datetime | None | Unset = UNSET
    line_item_id: None | str | Unset = UNSET
    manual_fee_amount: None | str | Unset = UNSET
    manual_fee_reason: None | str | Unset = UNSET
    paid_amount: None | str | Unset = UNSET
    paid_at: datetime.datetime | None | Unset = UNSET
    priority: str | Unset = UNSET
    project_id: None | str | Unset = UNSET
    project_name: None | str | Unset = UNSET
    rejected_at: datetime.datetime | None | Unset = UNSET
    rejected_by: None | Unset | UUID = UNSET
    rejection_reason: None | str | Unset = UNSET
    requires_approval: bool | Unset = UNSET
    resolved_at: datetime.datetime | None | Unset = UNSET
    sla_resolution_hours: int | None | Unset = UNSET
    sla_response_hours: int | None | Unset = UNSET
    source: str | Unset = UNSET
    ticket_created_at: datetime.datetime | Unset = UNSET
    ticket_deleted_at: datetime.datetime | None | Unset = UNSET
    ticket_id: UUID | Unset = UNSET
    ticket_status: None | str | Unset = UNSET
    ticket_type: str | Unset = UNSET
    ticket_uid: str | Unset = UNSET
    title: None | str | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    waiting_hours: float | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ticket_billing_classification_inputs import TicketBillingClassificationInputs # noqa: PLC0415
        actual_cost: None | str | Unset
        if isinstance(self.actual_cost, Unset):
            actual_cost = UNSET
        else:
            actual_cost = self.actual_cost

        approval_requested_at: None | str | Unset
        if isinstance(self.approval_requested_at, Unset):
            approval_requested_at = UNSET
        elif isinstance(self.approval_requested_at, datetime.datetime):
            approval_requested_at = self.approval_requested_at.isoformat()
        else:
            approval_requested_at = self.approval_requested_at

        approved_at: None | str | Unset
        if isinstance(self.approved_at, Unset):
            approved_at = UNSET
        elif isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        approved_by: None | str | Unset
        if isinstance(self.approved_by, Unset):
            approved_by = UNSET
        elif isinstance(self.approved_by, UUID):
            approved_by = str(self.approved_by)
        else:
            approved_by = self.approved_by

        assigned_team: None | str | Unset
        if isinstance(self.assigned_team, Unset):
            assigned_team = UNSET
        elif isinstance(self.assigned_team, UUID):
            assigned_team = str(self.assigned_team)
        else:
            assigned_team = self.assigned_team

        assigned_to: None | str | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        elif isinstance(self.assigned_to, UUID):
            assigned_to = str(self.assigned_to)
        else:
            assigned_to = self.assigned_to

        billing_notes: None | str | Unset
        if isinstance(self.billing_notes, Unset):
            billing_notes = UNSET
        else:
            billing_notes = self.billing_notes

        billing_status: str | Unset = UNSET
        if not isinstance(self.billing_status, Unset):
            billing_status = self.billing_status.value


        billing_type: str | Unset = UNSET
        if not isinstance(self.billing_type, Unset):
            billing_type = self.billing_type.value


        calculated_cost: None | str | Unset
        if isinstance(self.calculated_cost, Unset):
            calculated_cost = UNSET
        else:
            calculated_cost = self.calculated_cost

        classification_inputs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.classification_inputs, Unset):
            classification_inputs = self.classification_inputs.to_dict()

        classification_reason = self.classification_reason

        classified_at: str | Unset = UNSET
        if not isinstance(self.classified_at, Unset):
            classified_at = self.classified_at.isoformat()

        client_account_id: None | str | Unset
        if isinstance(self.client_account_id, Unset):
            client_account_id = UNSET
        else:
            client_account_id = self.client_account_id

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        elif isinstance(self.client_id, UUID):
            client_id = str(self.client_id)
        else:
            client_id = self.client_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        elif isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        currency = self.currency

        estimated_cost: None | str | Unset
        if isinstance(self.estimated_cost, Unset):
            estimated_cost = UNSET
        else:
            estimated_cost = self.estimated_cost

        fee_schedule_id: None | str | Unset
        if isinstance(self.fee_schedule_id, Unset):
            fee_schedule_id = UNSET
        elif isinstance(self.fee_schedule_id, UUID):
            fee_schedule_id = str(self.fee_schedule_id)
        else:
            fee_schedule_id = self.fee_schedule_id

        fee_source: None | str | Unset
        if isinstance(self.fee_source, Unset):
            fee_source = UNSET
        else:
            fee_source = self.fee_source

        guarantee_expires_at: None | str | Unset
        if isinstance(self.guarantee_expires_at, Unset):
            guarantee_expires_at = UNSET
        elif isinstance(self.guarantee_expires_at, datetime.date):
            guarantee_expires_at = self.guarantee_expires_at.isoformat()
        else:
            guarantee_expires_at = self.guarantee_expires_at

        hours_worked: None | str | Unset
        if isinstance(self.hours_worked, Unset):
            hours_worked = UNSET
        else:
            hours_worked = self.hours_worked

        install_date: None | str | Unset
        if isinstance(self.install_date, Unset):
            install_date = UNSET
        elif isinstance(self.install_date, datetime.date):
            install_date = self.install_date.isoformat()
        else:
            install_date = self.install_date

        install_dr_number: None | str | Unset
        if isinstance(self.install_dr_number, Unset):
            install_dr_number = UNSET
        else:
            install_dr_number = self.install_dr_number

        invoice_amount: None | str | Unset
        if isinstance(self.invoice_amount, Unset):
            invoice_amount = UNSET
        else:
            invoice_amount = self.invoice_amount

        invoice_id: None | str | Unset
        if isinstance(self.invoice_id, Unset):
            invoice_id = UNSET
        else:
            invoice_id = self.invoice_id

        invoiced_at: None | str | Unset
        if isinstance(self.invoiced_at, Unset):
            invoiced_at = UNSET
        elif isinstance(self.invoiced_at, datetime.datetime):
            invoiced_at = self.invoiced_at.isoformat()
        else:
            invoiced_at = self.invoiced_at

        line_item_id: None | str | Unset
        if isinstance(self.line_item_id, Unset):
            line_item_id = UNSET
        else:
            line_item_id = self.line_item_id

        manual_fee_amount: None | str | Unset
        if isinstance(self.manual_fee_amount, Unset):
            manual_fee_amount = UNSET
        else:
            manual_fee_amount = self.manual_fee_amount

        manual_fee_reason: None | str | Unset
        if isinstance(self.manual_fee_reason, Unset):
            manual_fee_reason = UNSET
        else:
            manual_fee_reason = self.manual_fee_reason

        paid_amount: None | str | Unset
        if isinstance(self.paid_amount, Unset):
            paid_amount = UNSET
        else:
            paid_amount = self.paid_amount

        paid_at: None | str | Unset
        if isinstance(self.paid_at, Unset):
            paid_at = UNSET
        elif isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        priority = self.priority

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        project_name: None | str | Unset
        if isinstance(self.project_name, Unset):
            project_name = UNSET
        else:
            project_name = self.project_name

        rejected_at: None | str | Unset
        if isinstance(self.rejected_at, Unset):
            rejected_at = UNSET
        elif isinstance(self.rejected_at, datetime.datetime):
            rejected_at = self.rejected_at.isoformat()
        else:
            rejected_at = self.rejected_at

        rejected_by: None | str | Unset
        if isinstance(self.rejected_by, Unset):
            rejected_by = UNSET
        elif isinstance(self.rejected_by, UUID):
            rejected_by = str(self.rejected_by)
        else:
            rejected_by = self.rejected_by

        rejection_reason: None | str | Unset
        if isinstance(self.rejection_reason, Unset):
            rejection_reason = UNSET
        else:
            rejection_reason = self.rejection_reason

        requires_approval = self.requires_approval

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        sla_resolution_hours: int | None | Unset
        if isinstance(self.sla_resolution_hours, Unset):
            sla_resolution_hours = UNSET
        else:
            sla_resolution_hours = self.sla_resolution_hours

        sla_response_hours: int | None | Unset
        if isinstance(self.sla_response_hours, Unset):
            sla_response_hours = UNSET
        else:
            sla_response_hours = self.sla_response_hours

        source = self.source

        ticket_created_at: str | Unset = UNSET
        if not isinstance(self.ticket_created_at, Unset):
            ticket_created_at = self.ticket_created_at.isoformat()

        ticket_deleted_at: None | str | Unset
        if isinstance(self.ticket_deleted_at, Unset):
            ticket_deleted_at = UNSET
        elif isinstance(self.ticket_deleted_at, datetime.datetime):
            ticket_deleted_at = self.ticket_deleted_at.isoformat()
        else:
            ticket_deleted_at = self.ticket_deleted_at

        ticket_id: str | Unset = UNSET
        if not isinstance(self.ticket_id, Unset):
            ticket_id = str(self.ticket_id)

        ticket_status: None | str | Unset
        if isinstance(self.ticket_status, Unset):
            ticket_status = UNSET
        else:
            ticket_status = self.ticket_status

        ticket_type = self.ticket_type

        ticket_uid = self.ticket_uid

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        waiting_hours = self.waiting_hours


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if actual_cost is not UNSET:
            field_dict["actual_cost"] = actual_cost
        if approval_requested_at is not UNSET:
            field_dict["approval_requested_at"] = approval_requested_at
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if assigned_team is not UNSET:
            field_dict["assigned_team"] = assigned_team
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if billing_notes is not UNSET:
            field_dict["billing_notes"] = billing_notes
        if billing_status is not UNSET:
            field_dict["billing_status"] = billing_status
        if billing_type is not UNSET:
            field_dict["billing_type"] = billing_type
        if calculated_cost is not UNSET:
            field_dict["calculated_cost"] = calculated_cost
        if classification_inputs is not UNSET:
            field_dict["classification_inputs"] = classification_inputs
        if classification_reason is not UNSET:
            field_dict["classification_reason"] = classification_reason
        if classified_at is not UNSET:
            field_dict["classified_at"] = classified_at
        if client_account_id is not UNSET:
            field_dict["client_account_id"] = client_account_id
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if currency is not UNSET:
            field_dict["currency"] = currency
        if estimated_cost is not UNSET:
            field_dict["estimated_cost"] = estimated_cost
        if fee_schedule_id is not UNSET:
            field_dict["fee_schedule_id"] = fee_schedule_id
        if fee_source is not UNSET:
            field_dict["fee_source"] = fee_source
        if guarantee_expires_at is not UNSET:
            field_dict["guarantee_expires_at"] = guarantee_expires_at
        if hours_worked is not UNSET:
            field_dict["hours_worked"] = hours_worked
        if install_date is not UNSET:
            field_dict["install_date"] = install_date
        if install_dr_number is not UNSET:
            field_dict["install_dr_number"] = install_dr_number
        if invoice_amount is not UNSET:
            field_dict["invoice_amount"] = invoice_amount
        if invoice_id is not UNSET:
            field_dict["invoice_id"] = invoice_id
        if invoiced_at is not UNSET:
            field_dict["invoiced_at"] = invoiced_at
        if line_item_id is not UNSET:
            field_dict["line_item_id"] = line_item_id
        if manual_fee_amount is not UNSET:
            field_dict["manual_fee_amount"] = manual_fee_amount
        if manual_fee_reason is not UNSET:
            field_dict["manual_fee_reason"] = manual_fee_reason
        if paid_amount is not UNSET:
            field_dict["paid_amount"] = paid_amount
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if priority is not UNSET:
            field_dict["priority"] = priority
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if project_name is not UNSET:
            field_dict["project_name"] = project_name
        if rejected_at is not UNSET:
            field_dict["rejected_at"] = rejected_at
        if rejected_by is not UNSET:
            field_dict["rejected_by"] = rejected_by
        if rejection_reason is not UNSET:
            field_dict["rejection_reason"] = rejection_reason
        if requires_approval is not UNSET:
            field_dict["requires_approval"] = requires_approval
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if sla_resolution_hours is not UNSET:
            field_dict["sla_resolution_hours"] = sla_resolution_hours
        if sla_response_hours is not UNSET:
            field_dict["sla_response_hours"] = sla_response_hours
        if source is not UNSET:
            field_dict["source"] = source
        if ticket_created_at is not UNSET:
            field_dict["ticket_created_at"] = ticket_created_at
        if ticket_deleted_at is not UNSET:
            field_dict["ticket_deleted_at"] = ticket_deleted_at
        if ticket_id is not UNSET:
            field_dict["ticket_id"] = ticket_id
        if ticket_status is not UNSET:
            field_dict["ticket_status"] = ticket_status
        if ticket_type is not UNSET:
            field_dict["ticket_type"] = ticket_type
        if ticket_uid is not UNSET:
            field_dict["ticket_uid"] = ticket_uid
        if title is not UNSET:
            field_dict["title"] = title
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if waiting_hours is not UNSET:
            field_dict["waiting_hours"] = waiting_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticket_billing_classification_inputs import TicketBillingClassificationInputs # noqa: PLC0415
        d = dict(src_dict)
        def _parse_actual_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actual_cost = _parse_actual_cost(d.pop("actual_cost", UNSET))


        def _parse_approval_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approval_requested_at_type_0 = datetime.datetime.fromisoformat(data)



                return approval_requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approval_requested_at = _parse_approval_requested_at(d.pop("approval_requested_at", UNSET))


        def _parse_approved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)



                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        approved_at = _parse_approved_at(d.pop("approved_at", UNSET))


        def _parse_approved_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_type_0 = UUID(data)



                return approved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        approved_by = _parse_approved_by(d.pop("approved_by", UNSET))


        def _parse_assigned_team(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_team_type_0 = UUID(data)



                return assigned_team_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_team = _parse_assigned_team(d.pop("assigned_team", UNSET))


        def _parse_assigned_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assigned_to_type_0 = UUID(data)



                return assigned_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))


        def _parse_billing_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        billing_notes = _parse_billing_notes(d.pop("billing_notes", UNSET))


        _billing_status = d.pop("billing_status", UNSET)
        billing_status: TicketBillingBillingStatus | Unset
        if isinstance(_billing_status,  Unset):
            billing_status = UNSET
        else:
            billing_status = TicketBillingBillingStatus(_billing_status)




        _billing_type = d.pop("billing_type", UNSET)
        billing_type: TicketBillingBillingType | Unset
        if isinstance(_billing_type,  Unset):
            billing_type = UNSET
        else:
            billing_type = TicketBillingBillingType(_billing_type)




        def _parse_calculated_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calculated_cost = _parse_calculated_cost(d.pop("calculated_cost", UNSET))


        _classification_inputs = d.pop("classification_inputs", UNSET)
        classification_inputs: TicketBillingClassificationInputs | Unset
        if isinstance(_classification_inputs,  Unset):
            classification_inputs = UNSET
        else:
            classification_inputs = TicketBillingClassificationInputs.from_dict(_classification_inputs)




        classification_reason = d.pop("classification_reason", UNSET)

        _classified_at = d.pop("classified_at", UNSET)
        classified_at: datetime.datetime | Unset
        if isinstance(_classified_at,  Unset):
            classified_at = UNSET
        else:
            classified_at = datetime.datetime.fromisoformat(_classified_at)




        def _parse_client_account_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_account_id = _parse_client_account_id(d.pop("client_account_id", UNSET))


        def _parse_client_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                client_id_type_0 = UUID(data)



                return client_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))


        def _parse_contract_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        currency = d.pop("currency", UNSET)

        def _parse_estimated_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_cost = _parse_estimated_cost(d.pop("estimated_cost", UNSET))


        def _parse_fee_schedule_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fee_schedule_id_type_0 = UUID(data)



                return fee_schedule_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        fee_schedule_id = _parse_fee_schedule_id(d.pop("fee_schedule_id", UNSET))


        def _parse_fee_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fee_source = _parse_fee_source(d.pop("fee_source", UNSET))


        def _parse_guarantee_expires_at(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guarantee_expires_at_type_0 = datetime.date.fromisoformat(data)



                return guarantee_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        guarantee_expires_at = _parse_guarantee_expires_at(d.pop("guarantee_expires_at", UNSET))


        def _parse_hours_worked(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hours_worked = _parse_hours_worked(d.pop("hours_worked", UNSET))


        def _parse_install_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                install_date_type_0 = datetime.date.fromisoformat(data)



                return install_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        install_date = _parse_install_date(d.pop("install_date", UNSET))


        def _parse_install_dr_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        install_dr_number = _parse_install_dr_number(d.pop("install_dr_number", UNSET))


        def _parse_invoice_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_amount = _parse_invoice_amount(d.pop("invoice_amount", UNSET))


        def _parse_invoice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_id = _parse_invoice_id(d.pop("invoice_id", UNSET))


        def _parse_invoiced_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                invoiced_at_type_0 = datetime.datetime.fromisoformat(data)



                return invoiced_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        invoiced_at = _parse_invoiced_at(d.pop("invoiced_at", UNSET))


        def _parse_line_item_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line_item_id = _parse_line_item_id(d.pop("line_item_id", UNSET))


        def _parse_manual_fee_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manual_fee_amount = _parse_manual_fee_amount(d.pop("manual_fee_amount", UNSET))


        def _parse_manual_fee_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manual_fee_reason = _parse_manual_fee_reason(d.pop("manual_fee_reason", UNSET))


        def _parse_paid_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paid_amount = _parse_paid_amount(d.pop("paid_amount", UNSET))


        def _parse_paid_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)



                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paid_at = _parse_paid_at(d.pop("paid_at", UNSET))


        priority = d.pop("priority", UNSET)

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))


        def _parse_project_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_name = _parse_project_name(d.pop("project_name", UNSET))


        def _parse_rejected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rejected_at_type_0 = datetime.datetime.fromisoformat(data)



                return rejected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        rejected_at = _parse_rejected_at(d.pop("rejected_at", UNSET))


        def _parse_rejected_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rejected_by_type_0 = UUID(data)



                return rejected_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rejected_by = _parse_rejected_by(d.pop("rejected_by", UNSET))


        def _parse_rejection_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason", UNSET))


        requires_approval = d.pop("requires_approval", UNSET)

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))


        def _parse_sla_resolution_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sla_resolution_hours = _parse_sla_resolution_hours(d.pop("sla_resolution_hours", UNSET))


        def _parse_sla_response_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sla_response_hours = _parse_sla_response_hours(d.pop("sla_response_hours", UNSET))


        source = d.pop("source", UNSET)

        _ticket_created_at = d.pop("ticket_created_at", UNSET)
        ticket_created_at: datetime.datetime | Unset
        if isinstance(_ticket_created_at,  Unset):
            ticket_created_at = UNSET
        else:
            ticket_created_at = datetime.datetime.fromisoformat(_ticket_created_at)




        def _parse_ticket_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ticket_deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return ticket_deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        ticket_deleted_at = _parse_ticket_deleted_at(d.pop("ticket_deleted_at", UNSET))


        _ticket_id = d.pop("ticket_id", UNSET)
        ticket_id: UUID | Unset
        if isinstance(_ticket_id,  Unset):
            ticket_id = UNSET
        else:
            ticket_id = UUID(_ticket_id)




        def _parse_ticket_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticket_status = _parse_ticket_status(d.pop("ticket_status", UNSET))


        ticket_type = d.pop("ticket_type", UNSET)

        ticket_uid = d.pop("ticket_uid", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        waiting_hours = d.pop("waiting_hours", UNSET)

        ticket_billing = cls(
            actual_cost=actual_cost,
            approval_requested_at=approval_requested_at,
            approved_at=approved_at,
            approved_by=approved_by,
            assigned_team=assigned_team,
            assigned_to=assigned_to,
            billing_notes=billing_notes,
            billing_status=billing_status,
            billing_type=billing_type,
            calculated_cost=calculated_cost,
            classification_inputs=classification_inputs,
            classification_reason=classification_reason,
            classified_at=classified_at,
            client_account_id=client_account_id,
            client_id=client_id,
            contract_id=contract_id,
            created_at=created_at,
            currency=currency,
            estimated_cost=estimated_cost,
            fee_schedule_id=fee_schedule_id,
            fee_source=fee_source,
            guarantee_expires_at=guarantee_expires_at,
            hours_worked=hours_worked,
            install_date=install_date,
            install_dr_number=install_dr_number,
            invoice_amount=invoice_amount,
            invoice_id=invoice_id,
            invoiced_at=invoiced_at,
            line_item_id=line_item_id,
            manual_fee_amount=manual_fee_amount,
            manual_fee_reason=manual_fee_reason,
            paid_amount=paid_amount,
            paid_at=paid_at,
            priority=priority,
            project_id=project_id,
            project_name=project_name,
            rejected_at=rejected_at,
            rejected_by=rejected_by,
            rejection_reason=rejection_reason,
            requires_approval=requires_approval,
            resolved_at=resolved_at,
            sla_resolution_hours=sla_resolution_hours,
            sla_response_hours=sla_response_hours,
            source=source,
            ticket_created_at=ticket_created_at,
            ticket_deleted_at=ticket_deleted_at,
            ticket_id=ticket_id,
            ticket_status=ticket_status,
            ticket_type=ticket_type,
            ticket_uid=ticket_uid,
            title=title,
            updated_at=updated_at,
            waiting_hours=waiting_hours,
        )

        return ticket_billing

