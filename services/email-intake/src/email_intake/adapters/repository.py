"""Queries the use cases share: thread lookup (for the threading rules) and small upserts."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from email_intake.adapters.orm import MessageRefRow, ThreadRow
from email_intake.domain.threading import TicketRef


def _ref(row: ThreadRow) -> TicketRef:
    return TicketRef(source_reference=row.key if row.source == "email" else None, ticket_uid=row.ticket_uid,
                     status=row.status, participants=frozenset(row.participants or ()))


class SqlThreadLookup:
    """``ThreadLookup`` over the threads and message_refs tables."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def by_message_ids(self, ids: list[str]) -> list[TicketRef]:
        rows = self.session.execute(
            select(ThreadRow).join(MessageRefRow, MessageRefRow.thread_key == ThreadRow.key)
            .where(MessageRefRow.message_id.in_([i[:998] for i in ids]))).scalars().unique().all()
        return [_ref(r) for r in rows]

    def by_uid(self, uid: str) -> TicketRef | None:
        row = self.session.scalars(select(ThreadRow).where(func.upper(ThreadRow.ticket_uid) == uid.upper())).first()
        return _ref(row) if row else None


def thread_for(session: Session, ref: TicketRef) -> ThreadRow | None:
    if ref.source_reference:
        return session.get(ThreadRow, ref.source_reference)
    if ref.ticket_uid:
        return session.scalars(select(ThreadRow).where(ThreadRow.ticket_uid == ref.ticket_uid)).first()
    return None


def remember_message(session: Session, message_id: str | None, thread_key: str | None, kind: str) -> None:
    """Record a Message-ID; a later, more specific thread wins over none."""
    if not message_id:
        return
    stmt = insert(MessageRefRow).values(message_id=message_id[:998], thread_key=thread_key, kind=kind)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["message_id"], set_={"thread_key": func.coalesce(stmt.excluded.thread_key,
                                                                         MessageRefRow.thread_key)}))


def add_participant(session: Session, key: str, sender_index: str) -> None:
    row = session.get(ThreadRow, key, with_for_update=True)
    if row is not None and sender_index not in (row.participants or []):
        row.participants = [*(row.participants or []), sender_index]
